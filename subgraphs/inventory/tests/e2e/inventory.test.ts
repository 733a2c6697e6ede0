import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphQLClient,
  startStack,
  type GraphQLResponse,
  type RunningStack,
  type SignedInClient,
} from '@play-economy/local-stack';
import { anItem } from '../support/anItem.ts';
import { untilSettled } from '../support/untilSettled.ts';

let stack: RunningStack;
let admin: SignedInClient;
let alice: SignedInClient;
let bob: SignedInClient;

beforeAll(async () => {
  stack = await startStack({ ephemeralPorts: true });
  admin = await stack.signInAsAdmin();
  const suffix = Date.now().toString(36);
  alice = await stack.registerPlayer(`alice_${suffix}`);
  bob = await stack.registerPlayer(`bob_${suffix}`);
});

afterAll(async () => {
  await stack?.stop();
});

const codeOf = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.['code'];

interface Entry {
  quantity: number;
  acquiredAt: string;
  item: { id: string; name: string; price: number };
}

const GRANT = `mutation ($userId: ID!, $itemId: ID!, $quantity: Int!) {
  grantItems(userId: $userId, itemId: $itemId, quantity: $quantity) {
    quantity acquiredAt item { id name price }
  }
}`;

async function createItem(input = anItem().build()): Promise<{ id: string; name: string }> {
  const { data, errors } = await admin.request<{ createItem: { id: string; name: string } }>(
    'mutation ($input: CreateItemInput!) { createItem(input: $input) { id name } }',
    { input },
  );
  expect(errors).toBeUndefined();
  return data!.createItem;
}

function grant(client: SignedInClient | RunningStack['client'], variables: object) {
  return client.request<{ grantItems: Entry }>(GRANT, variables as Record<string, unknown>);
}

/**
 * Grants as the admin. Inventory learns of a new item from the catalog's event, a moment after
 * `createItem` returns: until then the item is NOT_FOUND to it.
 */
async function grantOnceKnown(userId: string, itemId: string, quantity: number) {
  const response = await untilSettled(
    () => grant(admin, { userId, itemId, quantity }),
    (answer: GraphQLResponse<{ grantItems: Entry }>) => codeOf(answer) !== 'NOT_FOUND',
  );
  expect(response.errors).toBeUndefined();
  return response.data!.grantItems;
}

describe('granting items and reading inventories through the router', () => {
  let potion: { id: string; name: string };

  beforeAll(async () => {
    potion = await createItem(anItem().withPrice(30).build());
  });

  it('grants an item and returns the entry with the new total', async () => {
    const first = await grantOnceKnown(alice.userId, potion.id, 3);
    expect(first).toMatchObject({
      quantity: 3,
      item: { id: potion.id, name: potion.name, price: 30 },
    });
    expect(Date.parse(first.acquiredAt)).not.toBeNaN();
    const second = await grant(admin, { userId: alice.userId, itemId: potion.id, quantity: 2 });
    expect(second.errors).toBeUndefined();
    expect(second.data?.grantItems).toEqual({ ...first, quantity: 5 });
  });

  it('lets the player read their inventory, with the item fields resolved from the catalog', async () => {
    const { data, errors } = await alice.request<{ me: { inventory: Entry[] } }>(
      '{ me { inventory { quantity acquiredAt item { id name price } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.me.inventory).toEqual([
      {
        quantity: 5,
        acquiredAt: expect.any(String),
        item: { id: potion.id, name: potion.name, price: 30 },
      },
    ]);
    const asAdmin = await admin.request<{ user: { inventory: Entry[] } }>(
      'query ($id: ID!) { user(id: $id) { inventory { quantity item { name } } } }',
      { id: alice.userId },
    );
    expect(asAdmin.data?.user.inventory).toEqual([{ quantity: 5, item: { name: potion.name } }]);
  });

  it("shows each caller their own quantity on the catalog's items", async () => {
    const QUERY = `query ($search: String) {
      items(search: $search) { edges { node { name ownedQuantity } } }
    }`;
    type Page = { items: { edges: { node: { name: string; ownedQuantity: number } }[] } };
    const nodes = async (client: SignedInClient | RunningStack['client']) => {
      const { data, errors } = await client.request<Page>(QUERY, { search: potion.name });
      expect(errors).toBeUndefined();
      return data!.items.edges.map((edge) => edge.node);
    };
    expect(await nodes(alice)).toEqual([{ name: potion.name, ownedQuantity: 5 }]);
    expect(await nodes(bob)).toEqual([{ name: potion.name, ownedQuantity: 0 }]);
    expect(await nodes(stack.client)).toEqual([{ name: potion.name, ownedQuantity: 0 }]);
  });

  it('answers the owned quantities of a whole page of items', async () => {
    const items = [await createItem(), await createItem(), await createItem()];
    for (const [index, item] of items.entries()) {
      await grantOnceKnown(bob.userId, item.id, index + 1);
    }
    const { data, errors } = await bob.request<{
      items: { edges: { node: { id: string; ownedQuantity: number } }[] };
    }>('{ items(first: 100) { edges { node { id ownedQuantity } } } }');
    expect(errors).toBeUndefined();
    const owned = new Map(data!.items.edges.map(({ node }) => [node.id, node.ownedQuantity]));
    expect(items.map((item) => owned.get(item.id))).toEqual([1, 2, 3]);
    expect(owned.get(potion.id)).toBe(0);
  });

  it("does not let another player read someone's inventory", async () => {
    const response = await bob.request(
      'query ($id: ID!) { user(id: $id) { inventory { quantity } } }',
      { id: alice.userId },
    );
    expect(codeOf(response)).toBe('FORBIDDEN');
    expect(JSON.stringify(response.data ?? {})).not.toContain('quantity');
  });
});

describe('who may grant what', () => {
  let tent: { id: string; name: string };

  beforeAll(async () => {
    tent = await createItem();
    await grantOnceKnown(admin.userId, tent.id, 1);
  });

  /** Alice's quantity of the tent, as she sees it in the catalog. */
  const aliceTents = async () => {
    const { data } = await alice.request<{
      items: { edges: { node: { ownedQuantity: number } }[] };
    }>('query ($search: String) { items(search: $search) { edges { node { ownedQuantity } } } }', {
      search: tent.name,
    });
    return data?.items.edges[0]?.node.ownedQuantity;
  };

  it('refuses a player with FORBIDDEN and an anonymous caller with UNAUTHENTICATED', async () => {
    const variables = { userId: alice.userId, itemId: tent.id, quantity: 10 };
    const asPlayer = await grant(alice, variables);
    expect(asPlayer.errors?.[0]).toMatchObject({
      path: ['grantItems'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(codeOf(await grant(stack.client, variables))).toBe('UNAUTHENTICATED');
    expect(await aliceTents()).toBe(0);
  });

  it.each([0, 1001, -1])(
    'refuses quantity %d with BAD_USER_INPUT naming quantity',
    async (quantity) => {
      const response = await grant(admin, { userId: alice.userId, itemId: tent.id, quantity });
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'quantity',
      });
      expect(response.errors?.[0]?.message).toContain('quantity');
      expect(await aliceTents()).toBe(0);
    },
  );

  it('answers NOT_FOUND for an item the catalog never had', async () => {
    const response = await grant(admin, {
      userId: alice.userId,
      itemId: 'no-such-item',
      quantity: 1,
    });
    expect(codeOf(response)).toBe('NOT_FOUND');
  });

  it('stops granting an item once the catalog deleted it, and leaves it out of inventories', async () => {
    const elixir = await createItem();
    await grantOnceKnown(alice.userId, elixir.id, 2);
    const deleted = await admin.request('mutation ($id: ID!) { deleteItem(id: $id) }', {
      id: elixir.id,
    });
    expect(deleted.errors).toBeUndefined();
    // The deletion reaches inventory as an event: poll, within a bound, until it is applied.
    const refused = await untilSettled(
      () => grant(admin, { userId: alice.userId, itemId: elixir.id, quantity: 1 }),
      (response) => codeOf(response) === 'NOT_FOUND',
    );
    expect(codeOf(refused)).toBe('NOT_FOUND');
    const { data, errors } = await alice.request<{ me: { inventory: Entry[] } }>(
      '{ me { inventory { quantity item { id } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.me.inventory.map((entry) => entry.item.id)).not.toContain(elixir.id);
  });
});

describe('reading an inventory a page at a time', () => {
  type Page = GraphQLResponse<{ me: { inventory: { item: { id: string } }[] } | null }>;
  let dave: SignedInClient;
  /** Dave's item ids in the inventory's order, read whole in one page of 100. */
  let everything: string[];
  const ITEMS = 51;

  const page = (args: string): Promise<Page> =>
    dave.request(`{ me { inventory${args} { item { id } } } }`) as Promise<Page>;
  const idsOf = (response: Page) => {
    expect(response.errors).toBeUndefined();
    return response.data!.me!.inventory.map((entry) => entry.item.id);
  };

  beforeAll(async () => {
    dave = await stack.registerPlayer(`dave_${Date.now().toString(36)}`);
    const granted: string[] = [];
    for (let n = 0; n < ITEMS; n++) {
      const item = await createItem();
      await grantOnceKnown(dave.userId, item.id, 1);
      granted.push(item.id);
    }
    everything = idsOf(await page('(first: 100)'));
    expect(everything.toSorted()).toEqual(granted.toSorted());
  });

  it('answers first: 2 with two entries, and the next two after the last item id', async () => {
    const first = idsOf(await page('(first: 2)'));
    const second = idsOf(await page(`(first: 2, after: "${first.at(-1)}")`));
    expect(first).toEqual(everything.slice(0, 2));
    expect(second).toEqual(everything.slice(2, 4));
  });

  it('answers 50 entries without arguments, and the rest after the 50th', async () => {
    const first = idsOf(await page(''));
    expect(first).toEqual(everything.slice(0, 50));
    expect(idsOf(await page(`(after: "${first.at(-1)}")`))).toEqual(everything.slice(50));
  });

  it.each([
    ['(first: 101)', 'first'],
    ['(first: -1)', 'first'],
    ['(after: "no-such-item")', 'after'],
  ])('refuses %s with BAD_USER_INPUT naming %s', async (args, field) => {
    const response = await page(args);
    expect(response.data?.me ?? null).toBeNull();
    expect(response.errors?.[0]).toMatchObject({
      path: ['me', 'inventory'],
      extensions: { code: 'BAD_USER_INPUT', field },
    });
  });
});

describe('the inventory subgraph itself', () => {
  it('refuses a request that did not come through the router', async () => {
    const direct = createGraphQLClient(stack.subgraphUrls['inventory']!, {
      authorization: `Bearer ${admin.accessToken}`,
    });
    const response = await direct.request(
      'mutation { grantItems(userId: "x", itemId: "y", quantity: 1) { quantity } }',
    );
    expect(response.status).toBe(401);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
  });
});
