import { describe, expect, it } from 'vitest';
import { buildAuthorizationIndex } from '../../src/authorization/buildAuthorizationIndex.ts';
import { prepareSupergraph } from '../../src/supergraph/prepareSupergraph.ts';
import { AUTHORIZATION_SDL, SECURITY_FEATURES } from '../support/authorizationFixture.ts';
import { composeSupergraph } from '../support/composeSupergraph.ts';

const ACCOUNTS = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9",
        import: ["@key", "@shareable", "@authenticated", "@requiresScopes", "@policy"])

type Query {
  me: User @authenticated
  users: [User!]! @requiresScopes(scopes: [["ADMIN"], ["SUPPORT", "AUDITOR"]])
  audit: String @policy(policies: [["auditor"]])
  motd: String
}

type User @key(fields: "id") @authenticated {
  id: ID!
  email: String @shareable @requiresScopes(scopes: [["ADMIN"]])
}`;

const PROFILES = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9",
        import: ["@key", "@shareable", "@requiresScopes"])

type User @key(fields: "id") {
  id: ID!
  email: String @shareable @requiresScopes(scopes: [["PLAYER"]])
}`;

describe('buildAuthorizationIndex', () => {
  it('reads field and type directives from a composed supergraph', () => {
    const supergraph = prepareSupergraph(
      composeSupergraph([
        { name: 'accounts', url: 'http://accounts/graphql', sdl: ACCOUNTS },
        { name: 'profiles', url: 'http://profiles/graphql', sdl: PROFILES },
      ]),
    );
    const index = buildAuthorizationIndex(supergraph.sdl, supergraph.securityFeatures);
    expect(index.empty).toBe(false);
    expect(index.field('Query', 'me')).toEqual({ authenticated: true, scopes: [], policies: [] });
    expect(index.field('Query', 'users')).toEqual({
      authenticated: false,
      scopes: [[['ADMIN'], ['SUPPORT', 'AUDITOR']]],
      policies: [],
    });
    expect(index.field('Query', 'audit')?.policies).toEqual([[['auditor']]]);
    expect(index.type('User')).toEqual({ authenticated: true, scopes: [], policies: [] });
    // Composition merges the requirements of a shared field with AND.
    expect(index.field('User', 'email')?.scopes).toEqual([[['ADMIN', 'PLAYER']]]);
    expect(index.field('Query', 'motd')).toBeUndefined();
    expect(index.type('Query')).toBeUndefined();
  });

  it('reads scalars and directives under the names the supergraph gives them', () => {
    const renamed = AUTHORIZATION_SDL.replaceAll('@authenticated', '@signedIn');
    const features = SECURITY_FEATURES.map((feature) =>
      feature.name === 'authenticated' ? { ...feature, directiveName: 'signedIn' } : feature,
    );
    const index = buildAuthorizationIndex(renamed, features);
    expect(index.type('Motto')?.authenticated).toBe(true);
    expect(index.type('PrivatePost')?.authenticated).toBe(true);
    expect(index.field('User', 'nickname')?.authenticated).toBe(true);
    // Under its usual name the directive is just some other directive.
    expect(buildAuthorizationIndex(AUTHORIZATION_SDL, features).type('Motto')).toBeUndefined();
  });

  it('reads a single scope as a list of one, and drops what it cannot read', () => {
    const index = buildAuthorizationIndex(
      `type Query {
        a: String @requiresScopes(scopes: "ADMIN")
        b: String @requiresScopes(scopes: ["ADMIN", "PLAYER"])
        c: String @requiresScopes(scopes: [[1], ["PLAYER"]])
        d: String @requiresScopes
      }`,
      SECURITY_FEATURES,
    );
    expect(index.field('Query', 'a')?.scopes).toEqual([[['ADMIN']]]);
    expect(index.field('Query', 'b')?.scopes).toEqual([[['ADMIN'], ['PLAYER']]]);
    expect(index.field('Query', 'c')?.scopes).toEqual([[['PLAYER']]]);
    // Nobody satisfies an empty list of alternatives: an unreadable rule denies.
    expect(index.field('Query', 'd')?.scopes).toEqual([[]]);
  });

  it('is empty for a supergraph without authorization', () => {
    const plain = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
      type Query { motd: String }`;
    const supergraph = prepareSupergraph(
      composeSupergraph([{ name: 'plain', url: 'http://plain/graphql', sdl: plain }]),
    );
    expect(supergraph.securityFeatures).toEqual([]);
    expect(buildAuthorizationIndex(supergraph.sdl, supergraph.securityFeatures).empty).toBe(true);
    // Without the features linked, look-alike directives mean nothing.
    expect(buildAuthorizationIndex(AUTHORIZATION_SDL, []).empty).toBe(true);
  });
});
