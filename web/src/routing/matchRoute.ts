/** The store's pages, from a path. */
export type Route =
  | { page: 'catalog' }
  | { page: 'item'; id: string }
  | { page: 'inventory' }
  | { page: 'sign-in' }
  | { page: 'sign-up' }
  | { page: 'admin-items' }
  | { page: 'admin-item'; id: string }
  | { page: 'admin-users' }
  | { page: 'admin-user'; id: string }
  | { page: 'not-found' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'catalog' };
  if (pathname === '/inventory') return { page: 'inventory' };
  if (pathname === '/sign-in') return { page: 'sign-in' };
  if (pathname === '/sign-up') return { page: 'sign-up' };
  const item = /^\/items\/([^/]+)$/.exec(pathname);
  if (item?.[1]) return { page: 'item', id: decodeURIComponent(item[1]) };
  if (pathname === '/admin' || pathname === '/admin/items') return { page: 'admin-items' };
  if (pathname === '/admin/users') return { page: 'admin-users' };
  const admin = /^\/admin\/(items|users)\/([^/]+)$/.exec(pathname);
  if (admin?.[1] && admin[2]) {
    const id = decodeURIComponent(admin[2]);
    return admin[1] === 'items' ? { page: 'admin-item', id } : { page: 'admin-user', id };
  }
  return { page: 'not-found' };
}
