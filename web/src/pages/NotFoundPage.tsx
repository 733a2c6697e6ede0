import { Link } from '../routing/Link.tsx';

export function NotFoundPage() {
  return (
    <>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        There is no such page in the store. <Link href="/">Back to the catalog</Link>
      </p>
    </>
  );
}
