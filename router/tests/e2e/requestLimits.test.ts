import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type RunningStack, type SignedInClient } from '@play-economy/local-stack';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { RouterOptions, RunningRouter } from '../../src/index.ts';
import { DEFAULT_REQUEST_LIMITS } from '../../src/limits/RequestLimits.ts';
import { postGraphQL } from '../support/http.ts';
import { startRouterBeside } from '../support/startRouterBeside.ts';
import { subscribe, webSocketClient } from '../support/subscribeOverWebSocket.ts';
import { readMetric } from '@play-economy/chassis/testing';

/** The attacks a security review sent to the router, each refused before anything runs. */
const ATTACKS = {
  manyAliases: `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: items(first: 100) { edges { node { id name } } }`).join(' ')} }`,
  someAliases: `{ me { ${Array.from({ length: 40 }, (_, i) => `a${i}: username`).join(' ')} } }`,
  deep: `{ me { ${'purchases { user { '.repeat(40)}id${' } }'.repeat(40)} } }`,
  directives: `{ me ${'@include(if: true) '.repeat(60)}{ id } }`,
  duplicatedFields: `{ items { edges { node { ${'name '.repeat(3000)}} } } }`,
  rootFields: `{ ${Array.from({ length: 25 }, () => '__typename').join(' ')} me { id } }`,
} as const;

const SUBSCRIBE_DEEP = `subscription { inventoryChanged { ${'user { purchases { '.repeat(20)}id${' } }'.repeat(20)} } }`;

let stack: RunningStack;
let player: SignedInClient;

/** A router of the test's own beside the stack, with the default limits unless told. */
async function routerWith(options: Partial<RouterOptions> = {}): Promise<RunningRouter> {
  const router = await startRouterBeside(stack, options);
  onTestFinished(() => router.stop());
  return router;
}

/** Requests the router has sent to subgraphs so far, read from its `/metrics`. */
const subgraphFetches = (router: RunningRouter) =>
  readMetric(router.url, 'subgraph_fetch_duration_seconds_count');

beforeAll(async () => {
  // The in-process bus: these tests are about the router's front door, not messaging.
  stack = await startStack({ env: { ...process.env, AMQP_URL: undefined }, ephemeralPorts: true });
  player = await stack.registerPlayer(`limits${Date.now().toString(36)}`);
});

afterAll(async () => {
  await stack?.stop();
});

describe('document limits', () => {
  it.each([
    ['2,000 aliases of items(first: 100)', ATTACKS.manyAliases, 'length'],
    ['40 aliases', ATTACKS.someAliases, 'aliases'],
    ['a query 80 levels deep', ATTACKS.deep, 'depth'],
    ['60 directives on one field', ATTACKS.directives, 'directives'],
    ['one field repeated 3,000 times', ATTACKS.duplicatedFields, 'tokens'],
    ['26 root fields', ATTACKS.rootFields, 'rootFields'],
  ])('refuses %s with BAD_USER_INPUT before running anything', async (_, query, limit) => {
    const router = await routerWith();
    const before = await subgraphFetches(router);
    const { status, body } = await postGraphQL(router.url, query, undefined, {
      authorization: `Bearer ${player.accessToken}`,
    });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', limit }),
      }),
    ]);
    expect(await subgraphFetches(router)).toBe(before);
    expect(
      await readMetric(router.url, 'router_requests_refused_total', { reason: 'document_limit' }),
    ).toBe(1);
    // The limit in force is at /metrics too, as the error states it.
    const gauge = { length: 'max_document_length', rootFields: 'max_root_fields' }[limit];
    expect(
      await readMetric(router.url, 'router_request_limit', { limit: gauge ?? `max_${limit}` }),
    ).toBe(body.errors?.[0]?.extensions?.['max']);
  });

  it('refuses a batch of operations', async () => {
    const router = await routerWith();
    const response = await fetch(router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ me { id } }' }))),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('refuses the same documents over WebSocket, per subscribe', async () => {
    const router = await routerWith();
    const client = webSocketClient(router.url, player.accessToken);
    onTestFinished(() => client.dispose());
    const deep = subscribe(client, SUBSCRIBE_DEEP);
    expect(await deep.ended).toMatchObject({
      kind: 'error',
      errors: [{ extensions: { code: 'BAD_USER_INPUT', limit: 'depth' } }],
    });
  });

  it('serves a legitimate nested operation under the defaults', async () => {
    const router = await routerWith();
    const { body } = await postGraphQL(
      router.url,
      `query Store($first: Int) {
        items(first: $first) { edges { cursor node { id name price ownedQuantity } } pageInfo { hasNextPage endCursor } }
        me { id username gil inventory { quantity item { id name } } purchases { id state item { name } } }
      }`,
      { first: 50 },
      { authorization: `Bearer ${player.accessToken}` },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.['me']).toMatchObject({ id: player.userId });
  });
});

describe('demand control', () => {
  it('refuses an operation whose estimated cost is over the maximum, saying by how much', async () => {
    const router = await routerWith();
    const before = await subgraphFetches(router);
    // 1 for the connection + 100 edges × (edge + node + 100 purchases), from the @listSize
    // of users and of purchases.
    const query = '{ users(first: 100) { edges { node { purchases(first: 100) { id } } } } }';
    const { status, body } = await postGraphQL(router.url, query);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        extensions: {
          code: 'COST_ESTIMATED_TOO_EXPENSIVE',
          cost: { estimated: 1 + 100 * (1 + 1 + 100), max: DEFAULT_REQUEST_LIMITS.maxCost },
        },
      }),
    ]);
    expect(await subgraphFetches(router)).toBe(before);
    expect(await readMetric(router.url, 'router_requests_refused_total', { reason: 'cost' })).toBe(
      1,
    );
  });

  it('prices the slicing argument a variable carries, and records estimated and actual costs', async () => {
    const router = await routerWith({ limits: { ...DEFAULT_REQUEST_LIMITS, maxCost: 100 } });
    const query = 'query ($n: Int) { items(first: $n) { edges { node { id } } } }';
    const small = await postGraphQL(router.url, query, { n: 2 });
    expect(small.body.errors).toBeUndefined();
    const large = await postGraphQL(router.url, query, { n: 100 });
    expect(large.body.errors?.[0]?.extensions?.['cost']).toEqual({ estimated: 201, max: 100 });
    // Two estimates (5 and 201), one actual (at most 5: the catalog may hold fewer items).
    expect(await readMetric(router.url, 'router_operation_cost_count', { kind: 'estimated' })).toBe(
      2,
    );
    expect(await readMetric(router.url, 'router_operation_cost_sum', { kind: 'estimated' })).toBe(
      206,
    );
    expect(await readMetric(router.url, 'router_operation_cost_count', { kind: 'actual' })).toBe(1);
    expect(
      await readMetric(router.url, 'router_operation_cost_sum', { kind: 'actual' }),
    ).toBeLessThanOrEqual(5);
  });

  it('bounds the lists a player can grow: a nested purchases query is priced by its pages', async () => {
    const router = await routerWith();
    const { body } = await postGraphQL(
      router.url,
      '{ me { purchases(first: 100) { user { purchases(first: 100) { id } } } } }',
      undefined,
      { authorization: `Bearer ${player.accessToken}` },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'COST_ESTIMATED_TOO_EXPENSIVE',
      cost: { estimated: 1 + 100 * (1 + 1 + 100) },
    });
  });
});

describe('rate limits', () => {
  // A minute's window, so a slow machine cannot spread the requests over two windows.
  const perMinute = 5;
  const tight = { limits: { rateLimits: { perMinute, perSecond: 100 } } };

  it('answers 429 RATE_LIMITED with Retry-After beyond the rate, per caller', async () => {
    const router = await routerWith(tight);
    const statuses = [];
    for (let i = 0; i < perMinute + 2; i += 1) {
      statuses.push((await postGraphQL(router.url, '{ __typename }')).status);
    }
    expect(statuses).toEqual([...Array(perMinute).fill(200), 429, 429]);
    const refused = await postGraphQL(router.url, '{ __typename }');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    // A signed-in user counts as themselves, not as the address they share.
    const signedIn = await postGraphQL(router.url, '{ me { id } }', undefined, {
      authorization: `Bearer ${player.accessToken}`,
    });
    expect(signedIn.status).toBe(200);
    // The two beyond the rate in the loop, and the one looked at.
    expect(
      await readMetric(router.url, 'router_requests_refused_total', { reason: 'rate_limit' }),
    ).toBe(3);
  });

  it('counts subscribes over WebSocket against the same budget', async () => {
    const router = await routerWith(tight);
    for (let i = 0; i < perMinute; i += 1) {
      await postGraphQL(router.url, '{ me { id } }', undefined, {
        authorization: `Bearer ${player.accessToken}`,
      });
    }
    const client = webSocketClient(router.url, player.accessToken);
    onTestFinished(() => client.dispose());
    const refused = subscribe(client, 'subscription { inventoryChanged { delta } }');
    expect(await refused.ended).toMatchObject({
      kind: 'error',
      errors: [{ extensions: { code: 'RATE_LIMITED' } }],
    });
  });

  it('believes X-Forwarded-For only from trusted proxies', async () => {
    const trusting = await routerWith({ ...tight, trustedProxies: ['loopback'] });
    const untrusting = await routerWith(tight);
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < perMinute; i += 1) {
      await postGraphQL(trusting.url, '{ __typename }', undefined, from('203.0.113.1'));
      await postGraphQL(untrusting.url, '{ __typename }', undefined, from('203.0.113.1'));
    }
    // Behind a trusted proxy another client is another caller; a forged header changes nothing.
    expect(
      (await postGraphQL(trusting.url, '{ __typename }', undefined, from('203.0.113.2'))).status,
    ).toBe(200);
    expect(
      (await postGraphQL(untrusting.url, '{ __typename }', undefined, from('203.0.113.2'))).status,
    ).toBe(429);
  });
});

describe('WebSocket limits', () => {
  it('closes a connection that floods messages', async () => {
    const router = await routerWith({
      limits: { maxMessagesPerSecond: 5, rateLimits: { perMinute: 0, perSecond: 1 } },
    });
    const client = webSocketClient(router.url, player.accessToken);
    onTestFinished(() => client.dispose());
    const subscriptions = Array.from({ length: 10 }, () =>
      subscribe(client, 'subscription { inventoryChanged { delta } }'),
    );
    expect(await subscriptions[9]!.ended).toMatchObject({ kind: 'error', code: 1008 });
    await expect.poll(() => router.subscriptions.clientConnections).toBe(0);
  });

  it('refuses connections beyond the limit per caller', async () => {
    const router = await routerWith({ limits: { maxConnectionsPerCaller: 2 } });
    const clients = Array.from({ length: 3 }, () =>
      webSocketClient(router.url, player.accessToken),
    );
    onTestFinished(() => Promise.all(clients.map((client) => client.dispose())).then(() => {}));
    const first = subscribe(clients[0]!, 'subscription { inventoryChanged { delta } }');
    const second = subscribe(clients[1]!, 'subscription { inventoryChanged { delta } }');
    await Promise.all([first.connected, second.connected]);
    const third = subscribe(clients[2]!, 'subscription { inventoryChanged { delta } }');
    expect(await third.ended).toMatchObject({ kind: 'error', code: 4429 });
    expect(router.subscriptions.clientConnections).toBe(2);
  });
});

describe('HTTP answers', () => {
  it('points a subscription sent over HTTP at the WebSocket endpoint', async () => {
    const router = await routerWith();
    const { status, body } = await postGraphQL(
      router.url,
      'subscription { inventoryChanged { delta } }',
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/WebSocket/);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
  });

  it('says an answer varies with Authorization', async () => {
    const router = await routerWith();
    const response = await fetch(
      `${router.url}?query=${encodeURIComponent('{ items { totalCount } }')}`,
    );
    expect(response.headers.get('vary')).toMatch(/authorization/i);
  });

  it('gives no field suggestions when introspection is off', async () => {
    const router = await routerWith({ introspection: false });
    const { body } = await postGraphQL(router.url, '{ itemz { totalCount } }');
    expect(body.errors?.[0]?.message).toBe('Cannot query field "itemz" on type "Query".');
    const open = await routerWith({ introspection: true });
    const { body: suggested } = await postGraphQL(open.url, '{ itemz { totalCount } }');
    expect(suggested.errors?.[0]?.message).toMatch(/Did you mean .*"items"/);
  });

  it('answers malformed JSON with a GraphQL error, not a stack trace', async () => {
    const router = await routerWith();
    const response = await fetch(router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ me { id } }"',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
  });
});

describe('defaults', () => {
  it('are on: a flood from one address is cut at the per-second rate', async () => {
    expect(DEFAULT_REQUEST_LIMITS.rateLimits.perMinute).toBeGreaterThan(0);
    const router = await routerWith({ limits: DEFAULT_REQUEST_LIMITS });
    const statuses = await Promise.all(
      Array.from({ length: 120 }, () =>
        postGraphQL(router.url, '{ __typename }').then((r) => r.status),
      ),
    );
    const served = statuses.filter((status) => status === 200).length;
    // Fixed one-second windows: a burst straddling two may spend both windows' budgets.
    const { perSecond } = DEFAULT_REQUEST_LIMITS.rateLimits;
    expect(served).toBeGreaterThanOrEqual(perSecond);
    expect(served).toBeLessThanOrEqual(2 * perSecond);
    expect(statuses.filter((status) => status === 429)).toHaveLength(120 - served);
  });
});

describe('rate limits shared through Redis', () => {
  it('count a caller across router replicas, and only that caller', async () => {
    const shared = {
      limits: {
        rateLimits: {
          perMinute: 4,
          perSecond: 100,
          redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
          keyPrefix: `test:${randomUUID()}:`,
        },
      },
    };
    const [one, two] = await Promise.all([routerWith(shared), routerWith(shared)]);
    const anonymous = (router: RunningRouter) =>
      postGraphQL(router.url, '{ __typename }').then((response) => response.status);
    expect([await anonymous(one), await anonymous(two), await anonymous(one)]).toEqual([
      200, 200, 200,
    ]);
    expect(await anonymous(two)).toBe(200);
    expect([await anonymous(one), await anonymous(two)]).toEqual([429, 429]);
    // Another caller still has its whole budget on either replica.
    const asPlayer = (router: RunningRouter) =>
      postGraphQL(router.url, '{ me { id } }', undefined, {
        authorization: `Bearer ${player.accessToken}`,
      });
    const served = await Promise.all([asPlayer(one), asPlayer(two)]);
    expect(served.map(({ status }) => status)).toEqual([200, 200]);
    expect(served[0]?.body.data).toEqual({ me: { id: player.userId } });
  });
});

describe('trusted documents', () => {
  const catalog = 'query Catalog { items(first: 2) { totalCount } }';
  const changes = 'subscription Changes { inventoryChanged { delta } }';
  const id = (document: string) => createHash('sha256').update(document).digest('hex');

  async function manifest(): Promise<string> {
    const directory = await mkdtemp(join(tmpdir(), 'trusted-documents-'));
    onTestFinished(() => rm(directory, { recursive: true, force: true }));
    const path = join(directory, 'persisted-documents.json');
    await writeFile(path, JSON.stringify({ [id(catalog)]: catalog, [id(changes)]: changes }));
    return path;
  }

  /** POSTs a raw GraphQL-over-HTTP body. */
  async function post(router: RunningRouter, body: Record<string, unknown>) {
    const response = await fetch(router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as { data?: unknown; errors?: { extensions?: unknown }[] },
    };
  }

  it('in enforce mode, as in production, serve the manifest and refuse anything else', async () => {
    const router = await routerWith({
      introspection: false,
      landingPage: 'production',
      limits: { trustedDocuments: { mode: 'enforce', manifestPath: await manifest() } },
    });
    const answer = { data: { items: { totalCount: expect.any(Number) } } };
    expect(await post(router, { documentId: id(catalog) })).toEqual({ status: 200, body: answer });
    expect(await post(router, { documentId: `sha256:${id(catalog)}` })).toEqual({
      status: 200,
      body: answer,
    });
    expect(
      await post(router, {
        extensions: { persistedQuery: { version: 1, sha256Hash: id(catalog) } },
      }),
    ).toEqual({ status: 200, body: answer });
    // The listed text itself is trusted too.
    expect(await post(router, { query: catalog })).toEqual({ status: 200, body: answer });

    const unknown = '{ items(first: 100) { totalCount } }';
    const refused = {
      status: 400,
      body: {
        errors: [expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } })],
      },
    };
    expect(await post(router, { query: unknown })).toEqual(refused);
    // Registering an automatic persisted query cannot add to the list.
    const hash = id(unknown);
    expect(
      await post(router, {
        query: unknown,
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      }),
    ).toEqual(refused);
    expect(await post(router, { documentId: hash })).toMatchObject({
      body: { errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] },
    });
    expect(
      await readMetric(router.url, 'router_requests_refused_total', {
        reason: 'untrusted_document',
      }),
    ).toBe(2);

    // Over WebSocket alike.
    const client = webSocketClient(router.url, player.accessToken);
    onTestFinished(() => client.dispose());
    const untrusted = subscribe(client, 'subscription { inventoryChanged { quantity } }');
    expect(await untrusted.ended).toMatchObject({
      kind: 'error',
      errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } }],
    });
    subscribe(client, '', {}, { persistedQuery: { version: 1, sha256Hash: id(changes) } });
    await expect.poll(() => router.subscriptions.clientSubscriptions).toBe(1);
  });

  it('in log mode, serve documents outside the manifest', async () => {
    const router = await routerWith({
      limits: { trustedDocuments: { mode: 'log', manifestPath: await manifest() } },
    });
    const { status, body } = await post(router, { query: '{ items(first: 1) { totalCount } }' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('refuse to start on a manifest whose ids are not the documents’ hashes', async () => {
    const path = await manifest();
    await writeFile(path, JSON.stringify({ [id(catalog)]: changes }));
    await expect(
      startRouterBeside(stack, {
        limits: { trustedDocuments: { mode: 'enforce', manifestPath: path } },
      }),
    ).rejects.toThrow(/not the SHA-256 of its document/);
  });
});
