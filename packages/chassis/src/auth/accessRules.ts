import { Forbidden, Unauthenticated } from '../errors/DomainError.ts';
import { Role, type Viewer } from './Viewer.ts';

/** Whether the caller is the user `userId` or an admin. */
export function isSelfOrAdmin(viewer: Viewer | null, userId: string): boolean {
  return viewer !== null && (viewer.userId === userId || viewer.roles.includes(Role.Admin));
}

/** The caller, or UNAUTHENTICATED for an anonymous one. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (viewer === null) throw new Unauthenticated('Sign in first');
  return viewer;
}

/** The caller if an admin; UNAUTHENTICATED when anonymous, FORBIDDEN otherwise. */
export function requireAdmin(viewer: Viewer | null): Viewer {
  const known = requireViewer(viewer);
  if (!known.roles.includes(Role.Admin)) throw new Forbidden('Only an admin may do this');
  return known;
}

/** The caller if they are the user `userId` or an admin; FORBIDDEN for anyone else. */
export function requireSelfOrAdmin(viewer: Viewer | null, userId: string): Viewer {
  const known = requireViewer(viewer);
  if (!isSelfOrAdmin(known, userId)) {
    throw new Forbidden('Only the user themself or an admin may do this');
  }
  return known;
}
