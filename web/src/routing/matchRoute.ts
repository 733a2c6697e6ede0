/** The store's pages, from a path. */
export type Route =
  | { page: 'catalog' }
  | { page: 'item'; id: string }
  | { page: 'inventory' }
  | { page: 'sign-in' }
  | { page: 'sign-up' }
  | { page: 'not-found' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'catalog' };
  if (pathname === '/inventory') return { page: 'inventory' };
  if (pathname === '/sign-in') return { page: 'sign-in' };
  if (pathname === '/sign-up') return { page: 'sign-up' };
  const item = /^\/items\/([^/]+)$/.exec(pathname);
  if (item?.[1]) return { page: 'item', id: decodeURIComponent(item[1]) };
  return { page: 'not-found' };
}
