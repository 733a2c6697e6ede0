import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SupergraphRuntime } from '../../src/engine/SupergraphRuntime.ts';
import { composeSupergraph } from '../support/composeSupergraph.ts';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.8", import:';

function runtimeOf(sdl: string): SupergraphRuntime {
  return new SupergraphRuntime({
    sdl,
    buildService: () => ({ process: () => Promise.reject(new Error('no fetch expected')) }),
    validate: true,
    operationCacheSize: 10,
  });
}

describe('SupergraphRuntime', () => {
  it('refuses, by name, a supergraph using a feature it does not execute (contextual arguments)', () => {
    const sdl = composeSupergraph([
      {
        name: 'a',
        url: 'http://a.test/graphql',
        sdl: `${LINK} ["@key", "@context", "@fromContext"])
          type Query { t: T! }
          type T @key(fields: "id") @context(name: "context") { id: ID! u: U! prop: String! }
          type U @key(fields: "id") {
            id: ID!
            field(a: String @fromContext(field: "$context { prop }")): Int!
          }`,
      },
      {
        name: 'b',
        url: 'http://b.test/graphql',
        sdl: `${LINK} ["@key"]) type Query { a: Int! } type U @key(fields: "id") { id: ID! }`,
      },
    ]);
    expect(() => runtimeOf(sdl)).toThrow(/context\/v0\.1 is for: SECURITY but is unsupported/);
  });

  it('plans an operation once and serves the plan from its cache', () => {
    const sdl = composeSupergraph([
      {
        name: 'a',
        url: 'http://a.test/graphql',
        sdl: `${LINK} ["@key"]) type Query { hello: String }`,
      },
    ]);
    const runtime = runtimeOf(sdl);
    const document = parse('{ hello }');
    const first = runtime.prepare('k', document, undefined);
    expect(first.plans[0]?.node?.kind).toBe('Fetch');
    expect(runtime.prepare('k', document, undefined)).toBe(first);
  });
});
