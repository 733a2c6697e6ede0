import type { ReactNode } from 'react';
import { useSession } from '../api/StoreContext.ts';
import { Link } from '../routing/Link.tsx';
import { useLocation } from '../routing/useLocation.ts';

/**
 * Shows `children` to a signed-in admin only. Anyone else gets a page that says the screen is
 * for admins (and how to sign in as one); the API refuses their operations anyway (FORBIDDEN).
 */
export function AdminOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status !== 'signed-in') {
    const returnTo = encodeURIComponent(location.pathname + location.search);
    return (
      <>
        <h1 tabIndex={-1}>Admins only</h1>
        <p>
          This page is for the store’s admins.{' '}
          <Link href={`/sign-in?returnTo=${returnTo}`}>Sign in</Link> with an admin account to use
          it.
        </p>
      </>
    );
  }
  if (!session.player.roles.includes('ADMIN')) {
    return (
      <>
        <h1 tabIndex={-1}>Admins only</h1>
        <p className="refusal" role="alert">
          This page is for the store’s admins, and {session.player.username} is a player’s account.{' '}
          <Link href="/">Back to the catalog</Link>
        </p>
      </>
    );
  }
  return <>{children}</>;
}
