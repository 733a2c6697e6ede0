import type { Viewer } from '@play-economy/chassis';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { filterOperation, TYPENAME_ALIAS } from '../../src/authorization/filterOperation.ts';
import { restoreRemovedFields } from '../../src/authorization/restoreRemovedFields.ts';
import { authorizationFixture } from '../support/authorizationFixture.ts';

const { schema, index } = authorizationFixture();
const PLAYER: Viewer = { userId: 'u1', roles: ['PLAYER'] };

/** Filters `query` for `viewer`, then restores `data` as if the gateway had answered it. */
function restore(
  query: string,
  viewer: Viewer | null,
  data: Record<string, unknown> | null | undefined,
  variables: Record<string, unknown> = {},
) {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  const filtered = filterOperation({ schema, index, document, operation, viewer });
  const result = restoreRemovedFields(data, { schema, filtered, variables });
  return {
    data: result.data,
    errors: result.errors.map(({ message, path, extensions }) => ({
      message,
      path,
      code: extensions['code'],
    })),
  };
}

describe('restoreRemovedFields', () => {
  it('answers removed fields with null and an error at their path', () => {
    const result = restore('{ hello me { id } }', null, { hello: 'hi' });
    expect(result).toEqual({
      data: { hello: 'hi', me: null },
      errors: [
        {
          message: 'Field "Query.me" requires authentication.',
          path: ['me'],
          code: 'UNAUTHENTICATED',
        },
      ],
    });
  });

  it('puts a restored field where the client selected it, as GraphQL orders fields', () => {
    const order = (data: unknown) => JSON.stringify(data);
    // The engine answers the kept fields; the removed one comes back between them.
    expect(
      order(restore('{ hello me { id } motto }', null, { hello: 'hi', motto: null }).data),
    ).toBe('{"hello":"hi","me":null,"motto":null}');
    expect(
      order(
        restore('{ user(id: "1") { id email name } }', PLAYER, { user: { id: '1', name: 'Ann' } })
          .data,
      ),
    ).toBe('{"user":{"id":"1","email":null,"name":"Ann"}}');
    // Through fragments and aliases, in the order of their first selection; skipped ones left out.
    const fragments = restore(
      'query ($skip: Boolean!) { user(id: "1") { ...Contact n: name id @skip(if: $skip) ... on User { e: email } } } fragment Contact on User { email }',
      PLAYER,
      { user: { n: 'Ann' } },
      { skip: true },
    );
    expect(order(fragments.data)).toBe('{"user":{"email":null,"n":"Ann","e":null}}');
    expect(fragments.errors.map(({ path }) => path)).toEqual([
      ['user', 'email'],
      ['user', 'e'],
    ]);
  });

  it('puts one error per list item, with its index', () => {
    const result = restore(
      '{ postList { ... on PrivatePost { views } ... on PublicPost { id } } }',
      null,
      {
        postList: [
          { [TYPENAME_ALIAS]: 'PublicPost', id: 'a' },
          null,
          { [TYPENAME_ALIAS]: 'PrivatePost' },
        ],
      },
    );
    expect(result.data).toEqual({ postList: [{ id: 'a' }, null, { views: null }] });
    expect(result.errors.map(({ path }) => path)).toEqual([['postList', 2, 'views']]);
  });

  it('propagates a null in a non-null place to the nearest nullable parent', () => {
    // `User.email` is nullable: only it is null.
    expect(
      restore('{ user(id: "1") { name email } }', PLAYER, { user: { name: 'Ann' } }).data,
    ).toEqual({ user: { name: 'Ann', email: null } });
    // `User.nickname: String!` nulls the user, which `user` allows.
    const anonymous = restore('{ user(id: "1") { name nickname } hello }', null, {
      user: { name: 'Ann' },
      hello: 'hi',
    });
    expect(anonymous.data).toEqual({ user: null, hello: 'hi' });
    expect(anonymous.errors.map(({ path }) => path)).toEqual([['user', 'nickname']]);
  });

  it('propagates through non-null list items and fields up to the root', () => {
    // `posts: [Post!]!` and `PrivatePost.title: String!`: one private post nulls everything.
    const result = restore(
      '{ posts { ... on PrivatePost { title } ... on PublicPost { title } } hello }',
      null,
      {
        posts: [
          { [TYPENAME_ALIAS]: 'PublicPost', title: 'open' },
          { [TYPENAME_ALIAS]: 'PrivatePost' },
        ],
        hello: 'hi',
      },
    );
    expect(result.data).toBeNull();
    expect(result.errors.map(({ path }) => path)).toEqual([['posts', 1, 'title']]);
  });

  it('leaves a key that an authorized selection answered alone', () => {
    // `title` on the interface is removed (a post could be private); on PublicPost it is not.
    const result = restore('{ postList { title ... on PublicPost { title } } }', null, {
      postList: [{ [TYPENAME_ALIAS]: 'PublicPost', title: 'open' }],
    });
    expect(result).toEqual({ data: { postList: [{ title: 'open' }] }, errors: [] });
  });

  it('honours @skip and @include on removed fields', () => {
    const query = 'query ($show: Boolean = false) { hello me @include(if: $show) { id } }';
    expect(restore(query, null, { hello: 'hi' })).toEqual({ data: { hello: 'hi' }, errors: [] });
    expect(restore(query, null, { hello: 'hi' }, { show: true }).data).toEqual({
      hello: 'hi',
      me: null,
    });
  });

  it('reports root removals when the data collapsed, and nothing when there was no execution', () => {
    expect(restore('{ hello me { id } }', null, null).errors.map(({ path }) => path)).toEqual([
      ['me'],
    ]);
    expect(restore('{ hello me { id } }', null, undefined)).toEqual({
      data: undefined,
      errors: [],
    });
  });
});
