import { Link } from '../routing/Link.tsx';
import { useLocation } from '../routing/useLocation.ts';

const SECTIONS = [
  { href: '/admin/items', label: 'Items' },
  { href: '/admin/users', label: 'Players' },
] as const;

/** The admin screens' own navigation: the catalog's items and the players. */
export function AdminNav() {
  const { pathname } = useLocation();
  return (
    <nav aria-label="Admin" className="admin-nav">
      <ul>
        {SECTIONS.map(({ href, label }) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={
                pathname === href || pathname.startsWith(`${href}/`) ? 'page' : undefined
              }
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
