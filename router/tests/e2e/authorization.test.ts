import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, type GraphQLResponse } from '../support/http.ts';
import { startTestStack, type TestStack } from '../support/startTestStack.ts';

describe('authorization directives, enforced by the router', () => {
  let stack: TestStack;
  let playerToken: string;
  let adminToken: string;

  beforeAll(async () => {
    stack = await startTestStack({ secured: true, auth: true });
    playerToken = await stack.issuer!.aToken().withRoles('PLAYER').sign();
    adminToken = await stack.issuer!.aToken().withRoles('ADMIN').sign();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  type Caller = 'anonymous' | 'player' | 'admin';
  const run = (
    caller: Caller,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse> => {
    const token = caller === 'player' ? playerToken : caller === 'admin' ? adminToken : undefined;
    return postGraphQL(
      stack.router.url,
      query,
      variables,
      token ? { authorization: `Bearer ${token}` } : {},
    );
  };
  const subgraphRequests = () => stack.products.requests() + stack.reviews.requests();
  /** Errors without their locations, which say nothing the path does not. */
  const errorsOf = ({ body }: GraphQLResponse) =>
    body.errors?.map(({ message, path, extensions }) => ({ message, path, extensions }));
  const unauthenticated = (coordinate: string, path: unknown[]) => ({
    message: `Field "${coordinate}" requires authentication.`,
    path,
    extensions: { code: 'UNAUTHENTICATED' },
  });
  const forbidden = (coordinate: string, path: unknown[]) => ({
    message: `Field "${coordinate}" requires the scope ADMIN.`,
    path,
    extensions: { code: 'FORBIDDEN' },
  });

  const MIXED = '{ products { name } secret adminNote }';

  it('gives anonymous callers the public data and UNAUTHENTICATED where fields were removed', async () => {
    const response = await run('anonymous', MIXED);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      products: [{ name: 'Potion' }, { name: 'Ether' }],
      secret: null,
      adminNote: null,
    });
    expect(errorsOf(response)).toEqual([
      unauthenticated('Query.secret', ['secret']),
      unauthenticated('Query.adminNote', ['adminNote']),
    ]);
    expect(response.body.errors?.[0]).toHaveProperty('locations', [{ line: 1, column: 21 }]);
  });

  it('gives a player FORBIDDEN for admin fields and the rest', async () => {
    const response = await run('player', MIXED);
    expect(response.body.data).toEqual({
      products: [{ name: 'Potion' }, { name: 'Ether' }],
      secret: 'classified',
      adminNote: null,
    });
    expect(errorsOf(response)).toEqual([forbidden('Query.adminNote', ['adminNote'])]);
  });

  it('gives an admin everything', async () => {
    const response = await run('admin', MIXED);
    expect(response.body).toEqual({
      data: {
        products: [{ name: 'Potion' }, { name: 'Ether' }],
        secret: 'classified',
        adminNote: 'for admins',
      },
    });
    // The same text again, anonymous: the admin's plan is not reused.
    expect((await run('anonymous', MIXED)).body.data?.['secret']).toBeNull();
  });

  it('answers a fully unauthorized operation with errors only, calling no subgraph', async () => {
    const before = subgraphRequests();
    const response = await run('anonymous', '{ secret adminNote }');
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('data');
    expect(errorsOf(response)).toEqual([
      unauthenticated('Query.secret', ['secret']),
      unauthenticated('Query.adminNote', ['adminNote']),
    ]);
    expect(subgraphRequests()).toBe(before);
  });

  it('nulls a removed field in every list item, at each item path', async () => {
    const response = await run('player', '{ products { name cost } }');
    expect(response.body.data).toEqual({
      products: [
        { name: 'Potion', cost: null },
        { name: 'Ether', cost: null },
      ],
    });
    expect(errorsOf(response)).toEqual([
      forbidden('Product.cost', ['products', 0, 'cost']),
      forbidden('Product.cost', ['products', 1, 'cost']),
    ]);
    const admin = await run('admin', '{ products { name cost } }');
    expect(admin.body.data?.['products']).toEqual([
      { name: 'Potion', cost: 20 },
      { name: 'Ether', cost: 20 },
    ]);
  });

  it('propagates the null of a removed non-null field to the nearest nullable parent', async () => {
    const response = await run('player', '{ product(id: "1") { name supplier } secret }');
    expect(response.body.data).toEqual({ product: null, secret: 'classified' });
    expect(errorsOf(response)).toEqual([forbidden('Product.supplier', ['product', 'supplier'])]);
  });

  it('keeps a field whose every selection was removed, to answer it with nulls', async () => {
    const response = await run('player', '{ product(id: "2") { cost } }');
    expect(response.body.data).toEqual({ product: { cost: null } });
    expect(errorsOf(response)).toEqual([forbidden('Product.cost', ['product', 'cost'])]);
  });

  it('guards fields returning a type marked @authenticated', async () => {
    const anonymous = await run('anonymous', '{ vault { gold } products { id } }');
    expect(anonymous.body.data).toEqual({ vault: null, products: [{ id: '1' }, { id: '2' }] });
    expect(errorsOf(anonymous)).toEqual([unauthenticated('Query.vault', ['vault'])]);
    const player = await run('player', '{ vault { gold } }');
    expect(player.body).toEqual({ data: { vault: { gold: 1000 } } });
  });

  it('finds guarded fields inside named and inline fragments', async () => {
    const query = `
      query Everything { ...Root ... on Query { adminNote } }
      fragment Root on Query { secret products { ...Item } }
      fragment Item on Product { name cost }`;
    const anonymous = await run('anonymous', query);
    expect(anonymous.body.data).toEqual({
      secret: null,
      products: [
        { name: 'Potion', cost: null },
        { name: 'Ether', cost: null },
      ],
      adminNote: null,
    });
    expect(errorsOf(anonymous)).toEqual([
      unauthenticated('Query.secret', ['secret']),
      unauthenticated('Query.adminNote', ['adminNote']),
      unauthenticated('Product.cost', ['products', 0, 'cost']),
      unauthenticated('Product.cost', ['products', 1, 'cost']),
    ]);
    const admin = await run('admin', query);
    expect(admin.body.errors).toBeUndefined();
  });

  it('applies a type-level directive where a fragment narrows a union to that type', async () => {
    const query = '{ search { __typename ... on Product { name } ... on Vault { gold } } }';
    const anonymous = await run('anonymous', query);
    // `Vault.gold` is non-null: the vault in the list becomes null, the product stays.
    expect(anonymous.body.data).toEqual({
      search: [{ __typename: 'Product', name: 'Potion' }, null],
    });
    expect(errorsOf(anonymous)).toEqual([unauthenticated('Vault.gold', ['search', 1, 'gold'])]);
    expect(anonymous.text).not.toContain('_routerAuthorizationTypename');
    const player = await run('player', query);
    expect(player.body).toEqual({
      data: {
        search: [
          { __typename: 'Product', name: 'Potion' },
          { __typename: 'Vault', gold: 1000 },
        ],
      },
    });
  });

  it('leaves out a removed field the client skipped, and unused variables', async () => {
    const query = 'query ($show: Boolean!) { products { id } secret @include(if: $show) }';
    const hidden = await run('anonymous', query, { show: false });
    expect(hidden.body).toEqual({ data: { products: [{ id: '1' }, { id: '2' }] } });
    const shown = await run('anonymous', query, { show: true });
    expect(errorsOf(shown)).toEqual([unauthenticated('Query.secret', ['secret'])]);
  });

  describe('mutations', () => {
    it('runs the authorized ones and answers the others with errors', async () => {
      const response = await run('anonymous', 'mutation { ping like(id: "1") }');
      expect(response.body.data).toEqual({ ping: 'pong', like: null });
      expect(errorsOf(response)).toEqual([unauthenticated('Mutation.like', ['like'])]);
    });

    it('never sends an unauthorized mutation to a subgraph', async () => {
      const before = subgraphRequests();
      const response = await run('player', 'mutation { restock(id: "1", quantity: 5) { name } }');
      expect(response.body).toEqual({
        errors: [
          {
            ...forbidden('Mutation.restock', ['restock']),
            locations: [{ line: 1, column: 12 }],
          },
        ],
      });
      expect(subgraphRequests()).toBe(before);
      const admin = await run('admin', 'mutation { restock(id: "1", quantity: 5) { name } }');
      expect(admin.body).toEqual({ data: { restock: { name: 'Potion' } } });
    });
  });
});
