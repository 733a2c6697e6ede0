import { describe, expect, it } from 'vitest';
import type { AccessRequirement } from '../../src/authorization/buildAuthorizationIndex.ts';
import { evaluateRequirements } from '../../src/authorization/evaluateRequirements.ts';

const requirement = (overrides: Partial<AccessRequirement>): AccessRequirement => ({
  authenticated: false,
  scopes: [],
  policies: [],
  ...overrides,
});
const player = { userId: 'u1', roles: ['PLAYER'] as const };
const admin = { userId: 'u2', roles: ['ADMIN', 'PLAYER'] as const };

describe('evaluateRequirements', () => {
  it('lets anyone read what has no requirement', () => {
    expect(evaluateRequirements([], null)).toBeUndefined();
  });

  it('turns an anonymous caller away from anything guarded, as UNAUTHENTICATED', () => {
    for (const guarded of [
      requirement({ authenticated: true }),
      requirement({ scopes: [[['PLAYER']]] }),
      requirement({ policies: [[['p']]] }),
    ]) {
      expect(evaluateRequirements([guarded], null)).toEqual({
        code: 'UNAUTHENTICATED',
        needs: 'authentication',
      });
    }
    expect(evaluateRequirements([requirement({ authenticated: true })], player)).toBeUndefined();
  });

  it('reads scopes as an OR of AND-lists, the roles being the scopes', () => {
    const either = requirement({ scopes: [[['ADMIN'], ['PLAYER', 'DELEGATE']]] });
    expect(evaluateRequirements([either], admin)).toBeUndefined();
    expect(evaluateRequirements([either], player)).toEqual({
      code: 'FORBIDDEN',
      needs: 'the scope ADMIN, or the scopes PLAYER and DELEGATE',
    });
    const both = requirement({ scopes: [[['ADMIN', 'PLAYER']]] });
    expect(evaluateRequirements([both], admin)).toBeUndefined();
    expect(evaluateRequirements([both], player)?.code).toBe('FORBIDDEN');
  });

  it('requires every requirement given', () => {
    const requirements = [
      requirement({ authenticated: true }),
      requirement({ scopes: [[['PLAYER']], [['ADMIN']]] }),
    ];
    expect(evaluateRequirements(requirements, admin)).toBeUndefined();
    expect(evaluateRequirements(requirements, player)?.needs).toBe('the scope ADMIN');
  });

  it('grants no policy: the router has no policy engine', () => {
    expect(evaluateRequirements([requirement({ policies: [[['auditor']]] })], admin)).toEqual({
      code: 'FORBIDDEN',
      needs: 'the policy auditor',
    });
  });
});
