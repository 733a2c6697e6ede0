import { ErrorCode, type Viewer } from '@play-economy/chassis/web';
import type { AccessRequirement, Alternatives } from './buildAuthorizationIndex.ts';

/** Why a caller may not read something, and what it would take. */
export interface AccessDenial {
  /** `UNAUTHENTICATED` for an anonymous caller, `FORBIDDEN` for one lacking scopes or policies. */
  code: typeof ErrorCode.Unauthenticated | typeof ErrorCode.Forbidden;
  /** What is missing, to end a sentence: `authentication`, `the scope ADMIN`, ... */
  needs: string;
}

/**
 * Checks requirements (all must hold) against a caller. The caller's roles are its scopes.
 * Policies are never granted: the router has no policy engine, so a `@policy` denies rather
 * than being ignored. An anonymous caller satisfies nothing.
 */
export function evaluateRequirements(
  requirements: readonly AccessRequirement[],
  viewer: Viewer | null,
): AccessDenial | undefined {
  if (requirements.length === 0) return undefined;
  if (viewer === null) return { code: ErrorCode.Unauthenticated, needs: 'authentication' };
  const scopes = new Set<string>(viewer.roles);
  for (const requirement of requirements) {
    const missingScopes = requirement.scopes.find((entry) => !satisfied(entry, scopes));
    if (missingScopes) {
      return { code: ErrorCode.Forbidden, needs: describe(missingScopes, 'scope') };
    }
    const missingPolicies = requirement.policies.find((entry) => !satisfied(entry, new Set()));
    if (missingPolicies) {
      return { code: ErrorCode.Forbidden, needs: describe(missingPolicies, 'policy') };
    }
  }
  return undefined;
}

function satisfied(alternatives: Alternatives, granted: ReadonlySet<string>): boolean {
  return alternatives.some((all) => all.every((entry) => granted.has(entry)));
}

/** `the scope ADMIN`, `the scopes A and B`, `the scope A, or the scopes B and C`. */
function describe(alternatives: Alternatives, noun: 'scope' | 'policy'): string {
  if (alternatives.length === 0) return `a ${noun} nobody holds`;
  const plural = noun === 'scope' ? 'scopes' : 'policies';
  return alternatives
    .map((all) => `the ${all.length === 1 ? noun : plural} ${all.join(' and ')}`)
    .join(', or ');
}
