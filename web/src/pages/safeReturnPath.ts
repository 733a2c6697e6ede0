/** A `returnTo` that stays inside the store (a path, never another origin), else `/`. */
export function safeReturnPath(returnTo: string | null): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//')) return '/';
  return returnTo;
}
