import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphQLClient,
  startStack,
  type RunningStack,
  type SignedInClient,
} from '@play-economy/local-stack';

/** The security path as a client meets it: real identity tokens, verified by the router. */
let stack: RunningStack;
let admin: SignedInClient;
let alice: SignedInClient;
let bob: SignedInClient;

beforeAll(async () => {
  stack = await startStack({ ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
  const suffix = Date.now();
  alice = await stack.registerPlayer(`alice${suffix}`);
  bob = await stack.registerPlayer(`bob${suffix}`);
});

afterAll(async () => {
  await stack?.stop();
});

const codeOf = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.['code'];

describe('a signed-in player', () => {
  it('reads their own profile and gil through me and user', async () => {
    const me = await alice.request<{ me: { id: string; roles: string[]; gil: number } }>(
      '{ me { id username email roles gil } }',
    );
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toMatchObject({ id: alice.userId, roles: ['PLAYER'], gil: 100 });
    const own = await alice.request<{ user: { gil: number } }>(
      'query ($id: ID!) { user(id: $id) { gil } }',
      { id: alice.userId },
    );
    expect(own.data?.user.gil).toBe(100);
  });

  it("cannot read another player's gil or email", async () => {
    const other = await alice.request('query ($id: ID!) { user(id: $id) { gil email } }', {
      id: bob.userId,
    });
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(JSON.stringify(other.data ?? {})).not.toContain('@example.test');
  });

  it.each([
    ['users', '{ users { totalCount } }'],
    ['adjustGil', 'mutation ($id: ID!) { adjustGil(userId: $id, amount: 1000) { gil } }'],
    [
      'createItem',
      'mutation { createItem(input: { name: "x", description: "", price: 1 }) { id } }',
    ],
    ['updateItem', 'mutation { updateItem(id: "x", input: { price: 2 }) { id } }'],
    ['deleteItem', 'mutation { deleteItem(id: "x") }'],
  ])('gets FORBIDDEN for the ADMIN field %s', async (field, query) => {
    const response = await alice.request(query, { id: alice.userId });
    expect(response.errors?.[0]).toMatchObject({
      path: [field],
      extensions: { code: 'FORBIDDEN' },
    });
    const { data } = await alice.request<{ me: { gil: number } }>('{ me { gil } }');
    expect(data?.me.gil).toBe(100);
  });

  it('gets no data when a refused field is non-null, as GraphQL null propagation says', async () => {
    const response = await alice.request('{ me { username } users { totalCount } }');
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['users'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
  });
});

describe('an anonymous caller', () => {
  it('still gets the public part of a request that also asks for a protected field', async () => {
    const response = await stack.client.request<{ items: { totalCount: number }; user: unknown }>(
      'query ($id: ID!) { items { totalCount } user(id: $id) { username } }',
      { id: alice.userId },
    );
    expect(response.data?.items.totalCount).toEqual(expect.any(Number));
    expect(response.data?.user).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['user'],
        extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
      }),
    ]);
  });

  it('gets null for me and UNAUTHENTICATED for protected fields', async () => {
    const me = await stack.client.request<{ me: unknown }>('{ me { id } }');
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toBeNull();
    for (const query of [
      `{ user(id: "${alice.userId}") { id } }`,
      '{ users { totalCount } }',
      `mutation { adjustGil(userId: "${alice.userId}", amount: 5) { gil } }`,
    ]) {
      expect(codeOf(await stack.client.request(query))).toBe('UNAUTHENTICATED');
    }
  });
});

describe('an admin', () => {
  it('lists users, reads anyone and adjusts gil, never below zero', async () => {
    const users = await admin.request<{ users: { totalCount: number } }>(
      '{ users { totalCount } }',
    );
    expect(users.data?.users.totalCount).toBeGreaterThanOrEqual(3);
    const adjusted = await admin.request<{ adjustGil: { gil: number } }>(
      'mutation ($id: ID!) { adjustGil(userId: $id, amount: 50) { gil } }',
      { id: bob.userId },
    );
    expect(adjusted.data?.adjustGil.gil).toBe(150);
    const overdrawn = await admin.request(
      'mutation ($id: ID!) { adjustGil(userId: $id, amount: -151) { gil } }',
      { id: bob.userId },
    );
    expect(codeOf(overdrawn)).toBe('INSUFFICIENT_GIL');
    const read = await admin.request<{ user: { gil: number } }>(
      'query ($id: ID!) { user(id: $id) { gil } }',
      { id: bob.userId },
    );
    expect(read.data?.user.gil).toBe(150);
  });
});

describe('tokens', () => {
  it('rotates the refresh token; reusing the old one fails and revokes the family', async () => {
    const suffix = `carol${Date.now()}`;
    const registered = await stack.client.request<{ register: { refreshToken: string } }>(
      `mutation { register(input: { username: "${suffix}", email: "${suffix}@example.test", password: "correct horse battery staple" }) { refreshToken } }`,
    );
    const first = registered.data!.register.refreshToken;
    const REFRESH =
      'mutation ($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken user { username } } }';
    const rotated = await stack.client.request<{
      refreshToken: { accessToken: string; refreshToken: string };
    }>(REFRESH, { t: first });
    expect(rotated.errors).toBeUndefined();
    const second = rotated.data!.refreshToken.refreshToken;
    expect(second).not.toBe(first);

    const me = await stack.client.request<{ me: { username: string } }>(
      '{ me { username } }',
      {},
      {
        authorization: `Bearer ${rotated.data!.refreshToken.accessToken}`,
      },
    );
    expect(me.data?.me.username).toBe(suffix);

    expect(codeOf(await stack.client.request(REFRESH, { t: first }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await stack.client.request(REFRESH, { t: second }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered or foreign token with HTTP 401 instead of serving it anonymously', async () => {
    const [header, payload, signature] = alice.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, roles: ['ADMIN'] })).toString(
      'base64url',
    );
    for (const token of [
      `${header}.${promoted}.${signature}`,
      'not-a-jwt',
      `${header}.${payload}.`,
    ]) {
      const response = await stack.client.request(
        '{ me { id } }',
        {},
        { authorization: `Bearer ${token}` },
      );
      expect(response.status).toBe(401);
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps tokens valid across a signing-key rotation', async () => {
    await stack.identity.useCases.rotateSigningKey.execute();
    const before = await alice.request<{ me: { id: string } }>('{ me { id } }');
    expect(before.data?.me.id).toBe(alice.userId);
    const fresh = await stack.signInAsAdmin();
    const after = await fresh.request<{ me: { roles: string[] } }>('{ me { roles } }');
    expect(after.data?.me.roles).toEqual(['ADMIN']);
  });
});

describe('the identity subgraph itself', () => {
  it('refuses a request that did not come through the router', async () => {
    const direct = createGraphQLClient(stack.subgraphUrls['identity']!, {
      authorization: `Bearer ${admin.accessToken}`,
    });
    const response = await direct.request('{ users { totalCount } }');
    expect(response.status).toBe(401);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
  });
});
