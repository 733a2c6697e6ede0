import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphQLClient,
  startStack,
  type GraphQLClient,
  type RunningStack,
  type SignedInClient,
} from '@play-economy/local-stack';
import type { RouterEngine, RunningRouter } from '../../src/index.ts';
import { startRouterBeside } from '../support/startRouterBeside.ts';
import { until } from '../support/until.ts';

/**
 * The router's own engine against plain `@apollo/gateway` on the Play Economy supergraph: the
 * same operations, from the same callers, over the same subgraphs and data, must get the same
 * answers (status, data, errors with their paths and codes, extensions). The data is settled
 * before comparing; only operations that change nothing are sent twice.
 */

const env = {
  ...process.env,
  AMQP_URL: '',
  REDIS_URL: '',
  ROUTER_CACHE: 'false',
  LOG_LEVEL: 'warn',
};

type Caller = 'anonymous' | 'player' | 'other player' | 'admin';

interface Case {
  name: string;
  query: string;
  variables?: (ids: SeededIds) => Record<string, unknown>;
  operationName?: string;
}

interface SeededIds {
  itemIds: string[];
  playerId: string;
  otherPlayerId: string;
  completedPurchaseId: string;
  faultedPurchaseId: string;
}

const ITEM_FIELDS = 'fragment ItemFields on Item { id name description price createdAt }';

const CASES: Case[] = [
  {
    name: 'a page of items',
    query:
      '{ items(first: 2) { totalCount edges { cursor node { id name price } } pageInfo { hasNextPage endCursor } } }',
  },
  {
    name: "items with the caller's quantities",
    query: '{ items(first: 10) { edges { node { name price ownedQuantity } } } }',
  },
  {
    name: 'a search',
    query: 'query ($search: String) { items(search: $search) { edges { node { name } } } }',
    variables: () => ({ search: 'Differential' }),
  },
  { name: 'a malformed cursor', query: '{ items(after: "not-a-cursor") { totalCount } }' },
  {
    name: 'an item by id with a named fragment',
    query: `query ($id: ID!) { item(id: $id) { ...ItemFields ownedQuantity } } ${ITEM_FIELDS}`,
    variables: ({ itemIds }) => ({ id: itemIds[0] }),
  },
  { name: 'a missing item', query: '{ item(id: "missing") { id name } }' },
  {
    name: 'aliases and __typename',
    query:
      'query ($a: ID!, $b: ID!) { __typename first: item(id: $a) { __typename label: name cost: price } second: item(id: $b) { id kind: __typename } }',
    variables: ({ itemIds }) => ({ a: itemIds[0], b: itemIds[1] }),
  },
  {
    name: 'inline fragments and repeated fields',
    query: '{ me { id ... on User { username id gil } ... { roles username } } }',
  },
  {
    name: 'the caller across four subgraphs',
    query:
      '{ me { username gil inventory { quantity acquiredAt item { name price ownedQuantity } } purchases { state total quantity failureReason item { name } user { username } } } }',
  },
  {
    name: 'another user',
    query: 'query ($id: ID!) { user(id: $id) { username gil inventory { quantity } } }',
    variables: ({ otherPlayerId }) => ({ id: otherPlayerId }),
  },
  {
    name: 'oneself by id',
    query: 'query ($id: ID!) { user(id: $id) { username email purchases { id state } } }',
    variables: ({ playerId }) => ({ id: playerId }),
  },
  {
    name: 'the user list',
    query: '{ users(first: 5) { totalCount edges { node { username roles } } } }',
  },
  {
    name: 'a completed purchase',
    query:
      'query ($id: ID!) { purchase(id: $id) { state total item { name price } user { username gil } } }',
    variables: ({ completedPurchaseId }) => ({ id: completedPurchaseId }),
  },
  {
    name: 'a faulted purchase',
    query: 'query ($id: ID!) { purchase(id: $id) { state failureReason } }',
    variables: ({ faultedPurchaseId }) => ({ id: faultedPurchaseId }),
  },
  {
    name: 'skip and include on variables',
    query:
      'query ($withPrice: Boolean!, $noName: Boolean = true) { items(first: 3) { edges { node { id price @include(if: $withPrice) name @skip(if: $noName) } } } }',
    variables: () => ({ withPrice: true }),
  },
  {
    name: 'skip and include, the other way',
    query:
      'query ($withPrice: Boolean!, $noName: Boolean = true) { items(first: 3) { edges { node { id price @include(if: $withPrice) name @skip(if: $noName) } } } }',
    variables: () => ({ withPrice: false, noName: false }),
  },
  {
    name: 'literal skip and include',
    query: '{ me { id @skip(if: true) username @include(if: true) gil @include(if: false) } }',
  },
  {
    name: 'a skipped federated subtree',
    query:
      'query ($deep: Boolean!) { me { username inventory @include(if: $deep) { item { name } } } }',
    variables: () => ({ deep: false }),
  },
  {
    name: 'introspection',
    query:
      '{ __schema { queryType { name } mutationType { name } } __type(name: "Item") { name fields { name } } }',
  },
  {
    name: 'introspection beside data',
    query:
      '{ __typename items(first: 1) { totalCount } __type(name: "PurchaseState") { enumValues { name } } }',
  },
  {
    name: 'a variable of the wrong type',
    query: 'query ($id: ID!) { item(id: $id) { id } }',
    variables: () => ({ id: { not: 'an id' } }),
  },
  { name: 'a missing required variable', query: 'query ($id: ID!) { item(id: $id) { id } }' },
  { name: 'an unknown field', query: '{ items { nope } }' },
  {
    name: 'one of several operations',
    query: 'query Mine { me { username } } query Items { items(first: 1) { totalCount } }',
    operationName: 'Items',
  },
  {
    name: 'a refused mutation',
    query: 'mutation { createItem(input: { name: "", description: "", price: -1 }) { id } }',
  },
  {
    name: 'a mutation on a missing item',
    query: 'mutation { updateItem(id: "missing", input: { price: 2 }) { id } }',
  },
  { name: 'mutation __typename', query: 'mutation { __typename }' },
  {
    name: 'aliases that name Object.prototype members',
    query: '{ __proto__: items(first: 1) { constructor: totalCount toString: edges { cursor } } }',
  },
];

let stack: RunningStack;
let ids: SeededIds;
const callers = new Map<Caller, Record<string, string>>();
const routers = new Map<RouterEngine, RunningRouter>();

beforeAll(async () => {
  stack = await startStack({ env, ephemeralPorts: true });
  const [engine, gateway] = await Promise.all([
    startRouterBeside(stack, { engine: 'router', cache: { enabled: false } }),
    startRouterBeside(stack, { engine: 'gateway', cache: { enabled: false } }),
  ]);
  routers.set('router', engine).set('gateway', gateway);
  ids = await seed(stack);
}, 60_000);

afterAll(async () => {
  await Promise.all([...routers.values()].map((router) => router.stop()));
  await stack?.stop();
});

async function seed(running: RunningStack): Promise<SeededIds> {
  const admin = await running.signInAsAdmin();
  const itemIds: string[] = [];
  for (const [name, price] of [
    ['Differential potion', 30],
    ['Differential sword', 120],
    ['Differential shield', 5000],
  ] as const) {
    const created = await admin.request<{ createItem: { id: string } }>(
      'mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }',
      { input: { name: `${name} ${randomUUID().slice(0, 8)}`, description: 'seeded', price } },
    );
    itemIds.push(created.data!.createItem.id);
  }
  const player = await running.registerPlayer(`diff-${randomUUID().slice(0, 8)}`);
  const otherPlayer = await running.registerPlayer(`diff-${randomUUID().slice(0, 8)}`);
  await admin.request(
    'mutation ($u: ID!, $i: ID!) { grantItems(userId: $u, itemId: $i, quantity: 2) { quantity } }',
    { u: player.userId, i: itemIds[1] },
  );
  const completedPurchaseId = await purchase(player, itemIds[0]!, 1);
  const faultedPurchaseId = await purchase(player, itemIds[2]!, 1);
  await until(async () => {
    const states = await Promise.all(
      [completedPurchaseId, faultedPurchaseId].map(async (id) => {
        const { data } = await player.request<{ purchase: { state: string } }>(
          'query ($id: ID!) { purchase(id: $id) { state } }',
          { id },
        );
        return data?.purchase.state;
      }),
    );
    return states[0] === 'COMPLETED' && states[1] === 'FAULTED';
  });

  callers
    .set('anonymous', {})
    .set('player', bearer(player))
    .set('other player', bearer(otherPlayer))
    .set('admin', bearer(admin));
  return {
    itemIds,
    playerId: player.userId,
    otherPlayerId: otherPlayer.userId,
    completedPurchaseId,
    faultedPurchaseId,
  };
}

async function purchase(player: SignedInClient, itemId: string, quantity: number): Promise<string> {
  const { data, errors } = await player.request<{ purchase: { id: string } }>(
    'mutation ($input: PurchaseInput!) { purchase(input: $input) { id } }',
    { input: { itemId, quantity, idempotencyKey: randomUUID() } },
  );
  if (!data) throw new Error(`purchase refused: ${JSON.stringify(errors)}`);
  return data.purchase.id;
}

function bearer(client: SignedInClient): Record<string, string> {
  return { authorization: `Bearer ${client.accessToken}` };
}

/** What a client can observe of an answer, errors reduced to message, path and code. */
async function answer(client: GraphQLClient, testCase: Case, headers: Record<string, string>) {
  const body = JSON.stringify({
    query: testCase.query,
    ...(testCase.variables ? { variables: testCase.variables(ids) } : {}),
    ...(testCase.operationName ? { operationName: testCase.operationName } : {}),
  });
  const response = await fetch(client.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as unknown };
}

describe.each(['anonymous', 'player', 'other player', 'admin'] as const)('as %s', (caller) => {
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))(
    '%s: the engine answers as @apollo/gateway does',
    async (_name, testCase) => {
      const headers = callers.get(caller)!;
      const answerOf = (engine: RouterEngine) =>
        answer(createGraphQLClient(routers.get(engine)!.url), testCase, headers);
      const [fromEngine, fromGateway] = await Promise.all([
        answerOf('router'),
        answerOf('gateway'),
      ]);
      expect(fromEngine).toEqual(fromGateway);
      // A comparison of two empty answers would prove nothing.
      expect(fromGateway.body).toHaveProperty(
        (fromGateway.body as { data?: unknown }).data === undefined ? 'errors' : 'data',
      );
    },
  );
});
