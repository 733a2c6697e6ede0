import type { Viewer } from '@play-economy/chassis/web';

/** What authorization depends on: whether there is a caller, and its roles (its scopes). */
export function rightsOf(viewer: Viewer | null): string {
  return viewer ? `roles:${[...new Set(viewer.roles)].sort().join(',')}` : 'anonymous';
}
