import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphQLClient,
  startStack,
  type GraphQLResponse,
  type RunningStack,
  type SignedInClient,
} from '@play-economy/local-stack';
import { anItem } from '../support/anItem.ts';

let stack: RunningStack;
let admin: SignedInClient;

beforeAll(async () => {
  stack = await startStack({ ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
});

afterAll(async () => {
  await stack?.stop();
});

const ITEM_FIELDS = 'id name description price createdAt updatedAt';

async function createItem(input: Record<string, unknown>) {
  const { data, errors } = await admin.request<{ createItem: Record<string, unknown> }>(
    `mutation ($input: CreateItemInput!) { createItem(input: $input) { ${ITEM_FIELDS} } }`,
    { input },
  );
  expect(errors).toBeUndefined();
  return data!.createItem;
}

describe('catalog through the router', () => {
  it('creates an item and reads it back', async () => {
    const input = anItem().named('Potion').withPrice(30).build();
    const created = await createItem(input);
    expect(created).toMatchObject({ ...input, id: expect.any(String) });
    expect(Date.parse(created['createdAt'] as string)).not.toBeNaN();

    const { data } = await admin.request<{ item: unknown }>(
      `query ($id: ID!) { item(id: $id) { ${ITEM_FIELDS} } }`,
      { id: created['id'] },
    );
    expect(data?.item).toEqual(created);
  });

  it('updates only the given fields and deletes', async () => {
    const created = await createItem(anItem().named('Ether').withPrice(120).build());

    const updated = await admin.request<{ updateItem: Record<string, unknown> }>(
      `mutation ($id: ID!) { updateItem(id: $id, input: { price: 150 }) { ${ITEM_FIELDS} } }`,
      { id: created['id'] },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateItem).toMatchObject({
      name: 'Ether',
      description: created['description'],
      price: 150,
      createdAt: created['createdAt'],
    });

    const deleted = await admin.request<{ deleteItem: string }>(
      `mutation ($id: ID!) { deleteItem(id: $id) }`,
      { id: created['id'] },
    );
    expect(deleted.data?.deleteItem).toBe(created['id']);

    const read = await admin.request<{ item: unknown }>(
      `query ($id: ID!) { item(id: $id) { id } }`,
      { id: created['id'] },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.item).toBeNull();
  });

  it('answers NOT_FOUND when changing an unknown item', async () => {
    const update = await admin.request(
      `mutation { updateItem(id: "no-such-item", input: { price: 5 }) { id } }`,
    );
    expect(update.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const remove = await admin.request(`mutation { deleteItem(id: "no-such-item") }`);
    expect(remove.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it.each([
    ['name', anItem().named('').build()],
    ['name', anItem().named('x'.repeat(101)).build()],
    ['description', anItem().describedAs('x'.repeat(1001)).build()],
    ['price', anItem().withPrice(0).build()],
    ['price', anItem().withPrice(1_000_001).build()],
  ])('rejects an invalid %s with BAD_USER_INPUT naming the field', async (field, input) => {
    const before = await admin.request<{ items: { totalCount: number } }>(
      `{ items { totalCount } }`,
    );
    const { data, errors } = await admin.request(
      `mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`,
      { input },
    );
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors?.[0]?.message).toContain(field);
    const after = await admin.request<{ items: { totalCount: number } }>(
      `{ items { totalCount } }`,
    );
    expect(after.data?.items.totalCount).toBe(before.data?.items.totalCount);
  });

  it('rejects an invalid update without changing the item', async () => {
    const created = await createItem(anItem().withPrice(10).build());
    const { errors } = await admin.request(
      `mutation ($id: ID!) { updateItem(id: $id, input: { price: -1 }) { id } }`,
      { id: created['id'] },
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'price' });
    const { data } = await admin.request<{ item: { price: number } }>(
      `query ($id: ID!) { item(id: $id) { price } }`,
      { id: created['id'] },
    );
    expect(data?.item.price).toBe(10);
  });

  it('rejects a non-integer price before it reaches the catalog', async () => {
    const { errors } = await admin.request(
      `mutation { createItem(input: { name: "Odd", description: "", price: 1.5 }) { id } }`,
    );
    expect(errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('paging and search', () => {
  const prefix = `Page${Date.now()}`;

  beforeAll(async () => {
    for (let i = 0; i < 25; i++) {
      // Same-named pairs make ties that only the id can order.
      await createItem(
        anItem()
          .named(`${prefix} ${String(Math.floor(i / 2)).padStart(2, '0')}`)
          .build(),
      );
    }
  });

  interface Page {
    items: {
      edges: { cursor: string; node: { id: string; name: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      totalCount: number;
    };
  }

  const PAGE = `query ($first: Int, $after: String, $search: String) {
    items(first: $first, after: $after, search: $search) {
      edges { cursor node { id name } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`;

  it('walks every page once: no item repeated or skipped', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: GraphQLResponse<Page> = await admin.request<Page>(PAGE, {
        first: 7,
        after,
        search: prefix,
      });
      expect(response.errors).toBeUndefined();
      const page: Page['items'] = response.data!.items;
      expect(page.totalCount).toBe(25);
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it('orders by name and resumes after a cursor even when items are added between pages', async () => {
    const first = await admin.request<Page>(PAGE, { first: 10, search: prefix });
    const names = first.data!.items.edges.map((edge) => edge.node.name);
    expect(names).toEqual([...names].sort());
    await createItem(anItem().named(`${prefix} 00`).build()); // sorts before the cursor
    const second = await admin.request<Page>(PAGE, {
      first: 100,
      after: first.data!.items.pageInfo.endCursor,
      search: prefix,
    });
    const firstIds = new Set(first.data!.items.edges.map((edge) => edge.node.id));
    const secondIds = second.data!.items.edges.map((edge) => edge.node.id);
    expect(secondIds.filter((id) => firstIds.has(id))).toEqual([]);
    expect(secondIds).toHaveLength(15);
  });

  it('searches names ignoring case, treating the search as text', async () => {
    const { data } = await admin.request<Page>(PAGE, { search: prefix.toUpperCase() });
    expect(data!.items.totalCount).toBeGreaterThanOrEqual(25);
    const regexLike = await admin.request<Page>(PAGE, { search: '.*' });
    expect(regexLike.data!.items.totalCount).toBe(0);
  });

  it('returns an empty page for first: 0, with no end cursor', async () => {
    const { data } = await admin.request<Page>(PAGE, { first: 0, search: prefix });
    expect(data!.items.edges).toEqual([]);
    expect(data!.items.pageInfo).toEqual({ hasNextPage: true, endCursor: null });
  });

  it.each([
    ['after', { after: 'not-a-cursor' }],
    ['after', { after: Buffer.from('{"x":1}').toString('base64url') }],
    ['first', { first: -1 }],
    ['first', { first: 101 }],
  ])('rejects a bad %s with BAD_USER_INPUT', async (field, variables) => {
    const { errors } = await admin.request<Page>(PAGE, variables);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('who may change the catalog', () => {
  const CREATE = `mutation { createItem(input: { name: "Contraband", description: "", price: 1 }) { id } }`;

  async function contrabandCount(): Promise<number | undefined> {
    const { data } = await admin.request<{ items: { totalCount: number } }>(
      `{ items(search: "Contraband") { totalCount } }`,
    );
    return data?.items.totalCount;
  }

  it('refuses anonymous callers with UNAUTHENTICATED and players with FORBIDDEN', async () => {
    const player = await stack.registerPlayer(`shopper${Date.now()}`);
    const anonymous = await stack.client.request(CREATE);
    expect(anonymous.errors?.[0]).toMatchObject({
      path: ['createItem'],
      extensions: { code: 'UNAUTHENTICATED' },
    });
    for (const mutation of [
      CREATE,
      `mutation { updateItem(id: "x", input: { price: 2 }) { id } }`,
      `mutation { deleteItem(id: "x") }`,
    ]) {
      const { errors } = await player.request(mutation);
      expect(errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    expect(await contrabandCount()).toBe(0);
  });

  it('lets anyone read the catalog', async () => {
    const { data, errors } = await stack.client.request<{ items: { totalCount: number } }>(
      `{ items { totalCount } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.items.totalCount).toBeGreaterThan(0);
  });
});

describe('the catalog subgraph itself', () => {
  it.each([
    ['no viewer header', {}],
    ['a forged signature', { 'x-play-economy-viewer': 'eyJyb2xlcyI6WyJBRE1JTiJdfQ.Zm9yZ2Vk' }],
  ])('refuses a direct call with %s', async (_case, headers) => {
    const client = createGraphQLClient(stack.subgraphUrls['catalog']!);
    const response = await client.request(
      `mutation { createItem(input: { name: "Sneaky", description: "", price: 1 }) { id } }`,
      {},
      headers,
    );
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const { data } = await admin.request<{ items: { totalCount: number } }>(
      `{ items(search: "Sneaky") { totalCount } }`,
    );
    expect(data?.items.totalCount).toBe(0);
  });
});
