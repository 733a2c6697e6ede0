import type { Viewer } from '@play-economy/chassis';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  filterOperation,
  TYPENAME_ALIAS,
  type RemovalLevel,
} from '../../src/authorization/filterOperation.ts';
import { authorizationFixture } from '../support/authorizationFixture.ts';

const { schema, index } = authorizationFixture();
const PLAYER: Viewer = { userId: 'u1', roles: ['PLAYER'] };
const ADMIN: Viewer = { userId: 'u2', roles: ['ADMIN'] };

function filter(query: string, viewer: Viewer | null) {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  const filtered = filterOperation({ schema, index, document, operation, viewer });
  return { document, filtered, printed: print(filtered.document) };
}

/** Removed fields as `conditions/responseKey CODE`, and kept fields' levels, for assertions. */
function describeLevel(level: RemovalLevel): unknown {
  return {
    removed: level.removed.map(
      ({ responseKey, conditions, denial }) =>
        `${[...conditions, responseKey].join('/')} ${denial.code}`,
    ),
    kept: Object.fromEntries(
      level.kept.map(({ responseKey, level: below }) => [responseKey, describeLevel(below)]),
    ),
    ...(level.typenameAlias ? { typenameAlias: true } : {}),
  };
}

const squash = (graphql: string) => print(parse(graphql));

describe('filterOperation', () => {
  it('hands back the very same document when nothing is removed', () => {
    const { document, filtered } = filter('{ hello me { name nickname } }', PLAYER);
    expect(filtered.unchanged).toBe(true);
    expect(filtered.document).toBe(document);
  });

  it('removes guarded fields, for anonymous callers as UNAUTHENTICATED', () => {
    const { filtered, printed } = filter('{ hello me { name } motto audit }', null);
    expect(printed).toBe(squash('{ hello }'));
    expect(describeLevel(filtered.root)).toEqual({
      removed: ['me UNAUTHENTICATED', 'motto UNAUTHENTICATED', 'audit UNAUTHENTICATED'],
      kept: {},
    });
    expect(filtered.empty).toBe(false);
  });

  it('removes fields a caller lacks the scopes for, as FORBIDDEN', () => {
    const { filtered, printed } = filter(
      '{ users { id } user(id: "1") { name email } audit }',
      PLAYER,
    );
    expect(printed).toBe(squash('{ user(id: "1") { name } }'));
    expect(describeLevel(filtered.root)).toEqual({
      removed: ['users FORBIDDEN', 'audit FORBIDDEN'],
      kept: { user: { removed: ['email FORBIDDEN'], kept: {} } },
    });
    expect(filter('{ users { id email } }', ADMIN).filtered.unchanged).toBe(true);
  });

  it('keeps __typename where every selection of a field was removed', () => {
    const { filtered, printed } = filter('{ user(id: "1") { email } }', PLAYER);
    expect(printed).toBe(squash(`{ user(id: "1") { ${TYPENAME_ALIAS}: __typename } }`));
    expect(describeLevel(filtered.root)).toEqual({
      removed: [],
      kept: { user: { removed: ['email FORBIDDEN'], kept: {}, typenameAlias: true } },
    });
  });

  it('reports an operation with nothing left as empty', () => {
    const { filtered } = filter('mutation { ban(id: "1") }', PLAYER);
    expect(filtered.empty).toBe(true);
    expect(describeLevel(filtered.root)).toEqual({ removed: ['ban FORBIDDEN'], kept: {} });
  });

  it('guards fields selected on an interface by every implementation', () => {
    // Any post could be private: its fields cannot be read through the interface.
    const { filtered, printed } = filter('{ posts { id title } }', null);
    expect(printed).toBe(squash(`{ posts { ${TYPENAME_ALIAS}: __typename } }`));
    expect(describeLevel(filtered.root)).toEqual({
      removed: [],
      kept: {
        posts: {
          removed: ['id UNAUTHENTICATED', 'title UNAUTHENTICATED'],
          kept: {},
          typenameAlias: true,
        },
      },
    });
    expect(filter('{ posts { id title } }', PLAYER).filtered.unchanged).toBe(true);
  });

  it('removes only the fragment fields a type condition puts under a guarded type', () => {
    const { filtered, printed } = filter(
      '{ feed { __typename ... on PublicPost { title } ... on PrivatePost { title views } } }',
      null,
    );
    // The concrete type of each item decides where the removed fields are answered with null.
    expect(printed).toBe(
      squash(`{ feed { __typename ... on PublicPost { title } ${TYPENAME_ALIAS}: __typename } }`),
    );
    expect(describeLevel(filtered.root)).toEqual({
      removed: [],
      kept: {
        feed: {
          removed: ['PrivatePost/title UNAUTHENTICATED', 'PrivatePost/views UNAUTHENTICATED'],
          kept: {},
          typenameAlias: true,
        },
      },
    });
  });

  it('filters each named fragment once and drops the ones left empty, with their variables', () => {
    const { filtered, printed } = filter(
      `query Q($role: String, $id: ID!) {
        hello
        ...Admin
        first: user(id: $id) { ...Person }
        second: user(id: "2") { ...Person }
      }
      fragment Admin on Query { users(role: $role) { id } }
      fragment Person on User { name email }`,
      PLAYER,
    );
    expect(printed).toBe(
      squash(`query Q($id: ID!) {
        hello
        first: user(id: $id) { ...Person }
        second: user(id: "2") { ...Person }
      }
      fragment Person on User { name }`),
    );
    expect(describeLevel(filtered.root)).toEqual({
      removed: ['users FORBIDDEN'],
      kept: {
        first: { removed: ['email FORBIDDEN'], kept: {} },
        second: { removed: ['email FORBIDDEN'], kept: {} },
      },
    });
  });

  it('applies a type-level directive of a root type or fragment type to its fields', () => {
    const { printed } = filter(
      '{ hello ... on Query { me { id } } posts { ... on PrivatePost { id } } }',
      null,
    );
    expect(printed).toBe(squash(`{ hello posts { ${TYPENAME_ALIAS}: __typename } }`));
  });

  it('never removes __typename or introspection', () => {
    const { printed } = filter(
      '{ __typename __schema { queryType { name } } me { id } motto }',
      null,
    );
    expect(printed).toBe(squash('{ __typename __schema { queryType { name } } }'));
  });

  it('records the @skip / @include on the way to a removed field', () => {
    const { filtered } = filter(
      'query ($a: Boolean!) { hello ... @include(if: $a) { me @skip(if: false) { id } } }',
      null,
    );
    expect(filtered.root.removed[0]?.guards.map((node) => node.kind)).toEqual([
      Kind.INLINE_FRAGMENT,
      Kind.FIELD,
    ]);
    // `$a` only guarded what was removed.
    expect(filtered.operation.variableDefinitions).toEqual([]);
    expect(filtered.original.variableDefinitions).toHaveLength(1);
  });
});
