import {
  Kind,
  parse,
  type InterfaceTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouterEngine } from '../../src/index.ts';
import { composeSupergraph } from '../support/composeSupergraph.ts';
import {
  startRecordingSupergraph,
  type Caller,
  type RecordingContext,
  type RecordingSubgraphDefinition,
  type RecordingSupergraph,
} from '../support/startRecordingSupergraph.ts';

/**
 * `@authenticated` and `@requiresScopes` on small supergraphs of our own, shaped like the
 * federation audit's suites (which carry no authorization): interfaces implemented across
 * subgraphs, entities resolved through `_entities`, guarded keys, fields added by another
 * subgraph, `@requires`, root fields of several subgraphs, lists with null elements; with error
 * masking and the entity cache beside them. Every answer is checked for each kind of caller
 * (anonymous, a player, an admin: roles are the scopes) with what each subgraph was asked.
 *
 * Both engines sit behind the same authorization layer and must answer alike, so every shape
 * runs on both; `ROUTER_ENGINE=router` or `=gateway` runs one only.
 */
const ENGINES: RouterEngine[] =
  process.env['ROUTER_ENGINE'] === 'router' || process.env['ROUTER_ENGINE'] === 'gateway'
    ? [process.env['ROUTER_ENGINE']]
    : ['router', 'gateway'];

const federation = (...imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ${JSON.stringify(imports)})`;

// --- an interface implemented in two subgraphs -------------------------------------------------

const LISTINGS = [
  { __typename: 'Item', id: 'i-1', title: 'Potion', reservePrice: 40 },
  { __typename: 'Auction', id: 'a-1', title: 'Ancient Sword', reservePrice: 900 },
  { __typename: 'Item', id: 'i-2', title: 'Ether', reservePrice: 120 },
];
const OFFERS = [
  { __typename: 'OpenOffer', amount: 10 },
  { __typename: 'SealedOffer', amount: 99 },
];

/** Owns the interfaces and their implementations; `Auction` is an entity `auctions` extends. */
const market: RecordingSubgraphDefinition = {
  name: 'market',
  sdl: `${federation('@key', '@authenticated', '@requiresScopes')}
type Query {
  listings: [Listing!]!
  offers: [Offer!]
}
interface Listing {
  id: ID!
  title: String!
  reservePrice: Int
}
type Item implements Listing @key(fields: "id") {
  id: ID!
  title: String!
  "Guarded on this implementation only; composition copies the guard to Listing.reservePrice."
  reservePrice: Int @requiresScopes(scopes: [["ADMIN"]])
}
type Auction implements Listing @key(fields: "id") {
  id: ID!
  title: String!
  reservePrice: Int
}
interface Offer {
  amount: Int!
}
type OpenOffer implements Offer {
  amount: Int!
}
"A guarded implementation: composition copies the guard to the Offer interface."
type SealedOffer implements Offer @authenticated {
  amount: Int!
}`,
  resolvers: {
    Query: { listings: () => LISTINGS, offers: () => OFFERS },
    Listing: { __resolveType: ({ __typename }: { __typename: string }) => __typename },
    Offer: { __resolveType: ({ __typename }: { __typename: string }) => __typename },
  },
};

const auctions: RecordingSubgraphDefinition = {
  name: 'auctions',
  sdl: `${federation('@key', '@authenticated', '@requiresScopes')}
type Auction @key(fields: "id") {
  id: ID!
  highestBid: Int @authenticated
  bidders: [String!] @requiresScopes(scopes: [["ADMIN"]])
}`,
  resolvers: {
    Auction: {
      __resolveReference: ({ id }: { id: string }) => ({
        id,
        highestBid: 1200,
        bidders: ['player-1', 'player-2'],
      }),
    },
  },
};

// --- entities across three subgraphs -----------------------------------------------------------

const ORDERS = [
  { id: 'o-1', weight: 3, buyer: { id: 'acc-1' }, wallet: { id: 'w-1' } },
  // Accounts knows no `ghost` and wallets no `w-404`: those entities come back null.
  { id: 'o-2', weight: 5, buyer: { id: 'ghost' }, wallet: { id: 'w-2' } },
  { id: 'o-3', weight: 1, buyer: { id: 'acc-2' }, wallet: { id: 'w-404' } },
];
const ACCOUNTS: Record<string, { id: string; nickname: string; email: string }> = {
  'acc-1': { id: 'acc-1', nickname: 'Cid', email: 'cid@example.test' },
  'acc-2': { id: 'acc-2', nickname: 'Rydia', email: 'rydia@example.test' },
};
const WALLETS: Record<string, { id: string; gil: number }> = {
  'w-1': { id: 'w-1', gil: 500 },
  'w-2': { id: 'w-2', gil: 20 },
};
/** What billing's failing resolver throws: internals a client must never read. */
const LEAKY_MESSAGE = 'connect failed: postgres://billing:s3cret@ledger.internal:5432';

/** Owns `Order`, and refers to accounts' `Account` and `Wallet`. */
const orders: RecordingSubgraphDefinition = {
  name: 'orders',
  sdl: `${federation('@key', '@authenticated')}
type Query {
  orders: [Order!]!
}
type Order @key(fields: "id") {
  id: ID!
  "Billing's shippingCost @requires it."
  weight: Int @authenticated
  buyer: Account
  wallet: Wallet
}
type Account @key(fields: "id", resolvable: false) {
  id: ID!
}
type Wallet @key(fields: "id", resolvable: false) {
  id: ID!
}`,
  resolvers: {
    Query: { orders: () => ORDERS },
    Order: { __resolveReference: ({ id }: { id: string }) => ORDERS.find((o) => o.id === id) },
  },
};

const accounts: RecordingSubgraphDefinition = {
  name: 'accounts',
  sdl: `${federation('@key', '@authenticated', '@requiresScopes')}
type Query {
  "Accounts by id, in order; null where there is none."
  accounts(ids: [ID!]!): [Account]!
}
type Account @key(fields: "id") {
  "A guarded key: the router still joins on it."
  id: ID! @authenticated
  nickname: String!
  email: String @requiresScopes(scopes: [["ADMIN"]])
}
"A guarded entity type, reached through Order.wallet."
type Wallet @key(fields: "id") @authenticated {
  id: ID!
  gil: Int!
}`,
  resolvers: {
    Query: {
      accounts: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => ACCOUNTS[id] ?? null),
    },
    Account: { __resolveReference: ({ id }: { id: string }) => ACCOUNTS[id] ?? null },
    Wallet: { __resolveReference: ({ id }: { id: string }) => WALLETS[id] ?? null },
  },
};

/** Adds fields to orders' `Order`, one computed from the guarded `weight`, and root fields. */
const billing: RecordingSubgraphDefinition = {
  name: 'billing',
  sdl: `${federation('@key', '@authenticated', '@requiresScopes', '@external', '@requires')}
type Query {
  revenue: Int @requiresScopes(scopes: [["ADMIN"]])
  ledgerBalance: Int! @requiresScopes(scopes: [["ADMIN"]])
}
type Order @key(fields: "id") {
  id: ID!
  weight: Int @external
  paid: Boolean
  "Fails for o-2 with an error that has no public code."
  dispute: String
  invoiceTotal: Int @requiresScopes(scopes: [["ADMIN"]])
  "Guarded at least as strictly as the field it requires: composition insists."
  shippingCost: Int @requires(fields: "weight") @authenticated
}`,
  resolvers: {
    Query: { revenue: () => 9000, ledgerBalance: () => 42 },
    Order: {
      __resolveReference: (reference: { id: string; weight?: number }) => reference,
      paid: ({ id }: { id: string }) => id !== 'o-2',
      dispute: ({ id }: { id: string }) => {
        if (id === 'o-2') throw new Error(LEAKY_MESSAGE);
        return 'none';
      },
      invoiceTotal: ({ id }: { id: string }) => (id === 'o-1' ? 150 : 70),
      shippingCost: ({ weight }: { weight: number }) => weight * 4,
    },
  },
};

// --- a PRIVATE, guarded entity behind the entity cache -------------------------------------------

const players: RecordingSubgraphDefinition = {
  name: 'players',
  sdl: `${federation('@key')}
type Query {
  player(id: ID!): Player
}
type Player @key(fields: "id") {
  id: ID!
  name: String!
  wallet: Wallet
}
type Wallet @key(fields: "id", resolvable: false) {
  id: ID!
}`,
  resolvers: {
    Query: {
      player: (_: unknown, { id }: { id: string }) => ({
        id,
        name: 'Cecil',
        wallet: { id: 'w-1' },
      }),
    },
  },
};

const wallets: RecordingSubgraphDefinition = {
  name: 'wallets',
  sdl: `${federation('@key', '@authenticated', '@requiresScopes', '@composeDirective')}
  @link(url: "https://play-economy.dev/cacheControl/v0.1", import: ["@cacheControl", "CacheControlScope"])
  @composeDirective(name: "@cacheControl")
enum CacheControlScope {
  PUBLIC
  PRIVATE
}
directive @cacheControl(
  maxAge: Int
  scope: CacheControlScope
  inheritMaxAge: Boolean
) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
type Wallet @key(fields: "id") @authenticated @cacheControl(maxAge: 60, scope: PRIVATE) {
  id: ID!
  "Whom wallets answered for: shows whose answer a cached one was."
  holder: String!
  gil: Int!
  ledger: [String!] @requiresScopes(scopes: [["ADMIN"]])
}`,
  resolvers: {
    Wallet: {
      __resolveReference: ({ id }: { id: string }, { viewer }: RecordingContext) => ({
        id,
        holder: viewer?.userId ?? 'anonymous',
        gil: 300,
        ledger: ['+300 quest reward'],
      }),
    },
  },
};

// --- helpers -------------------------------------------------------------------------------------

/** One answer of the router, with what each subgraph was asked for it. */
interface Answer {
  status: number;
  /** `body.data`; `undefined` when the body has none. */
  data: unknown;
  /** `CODE at a.0.b` for each error, in the order of the response. */
  errors: string[];
  /** `Type.field`s each subgraph was asked for, or `not called`. */
  received: Record<string, string[] | 'not called'>;
}

async function ask(
  graph: RecordingSupergraph,
  caller: Caller,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Answer> {
  graph.forget();
  const { status, body } = await graph.request(caller, query, variables);
  return {
    status,
    data: body.data,
    errors: (body.errors ?? []).map(
      ({ path, extensions }) => `${String(extensions?.['code'])} at ${(path ?? []).join('.')}`,
    ),
    received: Object.fromEntries(
      Object.values(graph.subgraphs).map((subgraph) => [
        subgraph.name,
        subgraph.received.length === 0 ? 'not called' : subgraph.fieldsReceived(),
      ]),
    ),
  };
}

/** The messages of a response's errors. */
async function messagesOf(graph: RecordingSupergraph, caller: Caller, query: string) {
  const { body } = await graph.request(caller, query);
  return (body.errors ?? []).map(({ message }) => message);
}

describe('what composition allows', () => {
  const withUrls = (...subgraphs: RecordingSubgraphDefinition[]) =>
    subgraphs.map(({ name, sdl }) => ({ name, sdl, url: `http://${name}.test/graphql` }));

  it('copies the guards of implementations onto the interface, and refuses guards on it', () => {
    const supergraph = parse(composeSupergraph(withUrls(market, auctions)));
    const definition = (name: string) =>
      supergraph.definitions.find(
        (node): node is ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode =>
          (node.kind === Kind.INTERFACE_TYPE_DEFINITION ||
            node.kind === Kind.OBJECT_TYPE_DEFINITION) &&
          node.name.value === name,
      );
    const directivesOf = (type: string, field?: string) => {
      const node = definition(type);
      const target = field ? node?.fields?.find(({ name }) => name.value === field) : node;
      return (target?.directives ?? [])
        .map(({ name }) => name.value)
        .filter((name) => !name.startsWith('join__'));
    };
    expect(directivesOf('Listing', 'reservePrice')).toEqual(['requiresScopes']);
    expect(directivesOf('Auction', 'reservePrice')).toEqual([]);
    expect(directivesOf('Offer')).toEqual(['authenticated']);

    const guardedInterface = `${federation('@authenticated')}
type Query { offers: [Offer!] }
interface Offer { amount: Int! @authenticated }
type OpenOffer implements Offer { amount: Int! }`;
    expect(() =>
      composeSupergraph(withUrls({ name: 'offers', sdl: guardedInterface, resolvers: {} })),
    ).toThrow(/@authenticated cannot be applied on interfaces, interface fields/);
  });

  it('refuses a field that @requires a guarded field without being guarded as strictly', () => {
    const unguarded = {
      ...billing,
      sdl: billing.sdl.replace(
        '@requires(fields: "weight") @authenticated',
        '@requires(fields: "weight")',
      ),
    };
    expect(() => composeSupergraph(withUrls(orders, accounts, unguarded))).toThrow(
      /"Order.shippingCost" does not specify necessary @authenticated/,
    );
  });
});

describe.each(ENGINES)('authorization on the %s engine', (engine) => {
  describe('an interface implemented in two subgraphs', () => {
    let graph: RecordingSupergraph;

    beforeAll(async () => {
      graph = await startRecordingSupergraph({ subgraphs: [market, auctions], engine });
    });

    afterAll(async () => {
      await graph?.stop();
    });

    const THROUGH_INTERFACE = '{ listings { __typename id title reservePrice } }';

    it('refuses a field read through the interface when any implementation guards it', async () => {
      // Auction.reservePrice is not guarded, but any listing could be an Item.
      const nulled = [
        { __typename: 'Item', id: 'i-1', title: 'Potion', reservePrice: null },
        { __typename: 'Auction', id: 'a-1', title: 'Ancient Sword', reservePrice: null },
        { __typename: 'Item', id: 'i-2', title: 'Ether', reservePrice: null },
      ];
      const asked = ['Listing.id', 'Listing.title', 'Query.listings'];
      expect(await ask(graph, 'anonymous', THROUGH_INTERFACE)).toEqual({
        status: 200,
        data: { listings: nulled },
        errors: [0, 1, 2].map((i) => `UNAUTHENTICATED at listings.${i}.reservePrice`),
        received: { market: asked, auctions: 'not called' },
      });
      expect(await ask(graph, 'player', THROUGH_INTERFACE)).toEqual({
        status: 200,
        data: { listings: nulled },
        errors: [0, 1, 2].map((i) => `FORBIDDEN at listings.${i}.reservePrice`),
        received: { market: asked, auctions: 'not called' },
      });
      expect(await messagesOf(graph, 'player', THROUGH_INTERFACE)).toContain(
        'Field "Listing.reservePrice" requires the scope ADMIN.',
      );
      expect(await ask(graph, 'admin', THROUGH_INTERFACE)).toEqual({
        status: 200,
        data: { listings: LISTINGS },
        errors: [],
        received: { market: [...asked, 'Listing.reservePrice'].sort(), auctions: 'not called' },
      });
    });

    it('answers each implementation by its own guards under inline fragments', async () => {
      const query = `{ listings { __typename title
        ... on Auction { reservePrice highestBid }
        ... on Item { reservePrice } } }`;
      const anonymous = await ask(graph, 'anonymous', query);
      expect(anonymous).toEqual({
        status: 200,
        data: {
          listings: [
            { __typename: 'Item', title: 'Potion', reservePrice: null },
            { __typename: 'Auction', title: 'Ancient Sword', reservePrice: 900, highestBid: null },
            { __typename: 'Item', title: 'Ether', reservePrice: null },
          ],
        },
        errors: [
          'UNAUTHENTICATED at listings.0.reservePrice',
          'UNAUTHENTICATED at listings.1.highestBid',
          'UNAUTHENTICATED at listings.2.reservePrice',
        ],
        // Nothing left to ask of auctions, so no key to fetch for it either.
        received: {
          market: ['Auction.reservePrice', 'Listing.title', 'Query.listings'],
          auctions: 'not called',
        },
      });
      expect(await messagesOf(graph, 'anonymous', query)).toEqual([
        'Field "Item.reservePrice" requires authentication.',
        'Field "Auction.highestBid" requires authentication.',
        'Field "Item.reservePrice" requires authentication.',
      ]);

      const player = await ask(graph, 'player', query);
      expect(player).toEqual({
        status: 200,
        data: {
          listings: [
            { __typename: 'Item', title: 'Potion', reservePrice: null },
            { __typename: 'Auction', title: 'Ancient Sword', reservePrice: 900, highestBid: 1200 },
            { __typename: 'Item', title: 'Ether', reservePrice: null },
          ],
        },
        errors: ['FORBIDDEN at listings.0.reservePrice', 'FORBIDDEN at listings.2.reservePrice'],
        received: {
          market: ['Auction.id', 'Auction.reservePrice', 'Listing.title', 'Query.listings'],
          auctions: ['Auction.highestBid'],
        },
      });

      const admin = await ask(graph, 'admin', query);
      expect(admin).toEqual({
        status: 200,
        data: {
          listings: [
            { __typename: 'Item', title: 'Potion', reservePrice: 40 },
            { __typename: 'Auction', title: 'Ancient Sword', reservePrice: 900, highestBid: 1200 },
            { __typename: 'Item', title: 'Ether', reservePrice: 120 },
          ],
        },
        errors: [],
        received: {
          market: [
            'Auction.id',
            'Auction.reservePrice',
            'Item.reservePrice',
            'Listing.title',
            'Query.listings',
          ],
          auctions: ['Auction.highestBid'],
        },
      });
    });

    it('refuses a field returning the interface when an implementation is a guarded type', async () => {
      // The composed Offer is @authenticated: even a fragment on the open offers is refused.
      expect(await ask(graph, 'anonymous', '{ offers { __typename amount } }')).toEqual({
        status: 200,
        data: undefined,
        errors: ['UNAUTHENTICATED at offers'],
        received: { market: 'not called', auctions: 'not called' },
      });
      const query = '{ listings { id } offers { ... on OpenOffer { amount } } }';
      const ids = [{ id: 'i-1' }, { id: 'a-1' }, { id: 'i-2' }];
      expect(await ask(graph, 'anonymous', query)).toEqual({
        status: 200,
        data: { listings: ids, offers: null },
        errors: ['UNAUTHENTICATED at offers'],
        received: { market: ['Listing.id', 'Query.listings'], auctions: 'not called' },
      });
      for (const caller of ['player', 'admin'] as const) {
        expect(await ask(graph, caller, query)).toEqual({
          status: 200,
          data: { listings: ids, offers: [{ amount: 10 }, {}] },
          errors: [],
          received: {
            market: ['Listing.id', 'OpenOffer.amount', 'Query.listings', 'Query.offers'],
            auctions: 'not called',
          },
        });
      }
    });
  });

  describe('entities across three subgraphs', () => {
    let graph: RecordingSupergraph;

    beforeAll(async () => {
      graph = await startRecordingSupergraph({ subgraphs: [orders, accounts, billing], engine });
    });

    afterAll(async () => {
      await graph?.stop();
    });

    const ORDER_BUYERS = ['Account.id', 'Order.buyer', 'Order.id', 'Query.orders'];

    it('removes a guarded field of entities resolved through _entities, around null ones', async () => {
      const query = '{ orders { id buyer { nickname email } } }';
      const buyers = (emails: (string | null)[]) => [
        { id: 'o-1', buyer: { nickname: 'Cid', email: emails[0] } },
        { id: 'o-2', buyer: null },
        { id: 'o-3', buyer: { nickname: 'Rydia', email: emails[1] } },
      ];
      // The ghost buyer comes back null from accounts: no error at its path, nothing to restore.
      const paths = ['orders.0.buyer.email', 'orders.2.buyer.email'];
      expect(await ask(graph, 'anonymous', query)).toEqual({
        status: 200,
        data: { orders: buyers([null, null]) },
        errors: paths.map((path) => `UNAUTHENTICATED at ${path}`),
        received: { orders: ORDER_BUYERS, accounts: ['Account.nickname'], billing: 'not called' },
      });
      expect(await ask(graph, 'player', query)).toEqual({
        status: 200,
        data: { orders: buyers([null, null]) },
        errors: paths.map((path) => `FORBIDDEN at ${path}`),
        received: { orders: ORDER_BUYERS, accounts: ['Account.nickname'], billing: 'not called' },
      });
      expect(await ask(graph, 'admin', query)).toEqual({
        status: 200,
        data: { orders: buyers(['cid@example.test', 'rydia@example.test']) },
        errors: [],
        received: {
          orders: ORDER_BUYERS,
          accounts: ['Account.email', 'Account.nickname'],
          billing: 'not called',
        },
      });
      // What the null entity does to its non-null field is reported as @apollo/gateway does.
      const { body } = await graph.request('admin', query);
      expect(body).toHaveProperty('extensions.valueCompletion', [
        {
          message: 'Cannot return null for non-nullable field Account.nickname.',
          path: ['orders', 1, 'buyer', 'nickname'],
          extensions: { code: 'INVALID_GRAPHQL' },
        },
      ]);
    });

    it('reports a removed field only in the list elements that are not null', async () => {
      const query = '{ accounts(ids: ["acc-1", "nobody", "acc-2"]) { nickname email } }';
      expect(await ask(graph, 'player', query)).toEqual({
        status: 200,
        data: {
          accounts: [{ nickname: 'Cid', email: null }, null, { nickname: 'Rydia', email: null }],
        },
        errors: ['FORBIDDEN at accounts.0.email', 'FORBIDDEN at accounts.2.email'],
        received: {
          orders: 'not called',
          accounts: ['Account.nickname', 'Query.accounts'],
          billing: 'not called',
        },
      });
      expect((await ask(graph, 'anonymous', query)).errors).toEqual([
        'UNAUTHENTICATED at accounts.0.email',
        'UNAUTHENTICATED at accounts.2.email',
      ]);
      expect((await ask(graph, 'admin', query)).data).toEqual({
        accounts: [
          { nickname: 'Cid', email: 'cid@example.test' },
          null,
          { nickname: 'Rydia', email: 'rydia@example.test' },
        ],
      });
    });

    it('joins on a guarded key for anyone, but lets only those allowed read it', async () => {
      // No Order.id asked: orders is asked only for each buyer's key.
      const BUYER_KEYS = ['Account.id', 'Order.buyer', 'Query.orders'];
      const nicknames = await ask(graph, 'anonymous', '{ orders { buyer { nickname } } }');
      expect(nicknames).toEqual({
        status: 200,
        data: {
          orders: [
            { buyer: { nickname: 'Cid' } },
            { buyer: null },
            { buyer: { nickname: 'Rydia' } },
          ],
        },
        errors: [],
        received: { orders: BUYER_KEYS, accounts: ['Account.nickname'], billing: 'not called' },
      });
      expect(graph.subgraphs['accounts']!.received[0]!.variables['representations']).toEqual([
        { __typename: 'Account', id: 'acc-1' },
        { __typename: 'Account', id: 'ghost' },
        { __typename: 'Account', id: 'acc-2' },
      ]);

      // The non-null id is refused, so each buyer is null, though accounts was asked for it.
      const query = '{ orders { buyer { id nickname } } }';
      expect(await ask(graph, 'anonymous', query)).toEqual({
        status: 200,
        data: { orders: [{ buyer: null }, { buyer: null }, { buyer: null }] },
        errors: ['UNAUTHENTICATED at orders.0.buyer.id', 'UNAUTHENTICATED at orders.2.buyer.id'],
        received: { orders: BUYER_KEYS, accounts: ['Account.nickname'], billing: 'not called' },
      });
      const readable = [
        { buyer: { id: 'acc-1', nickname: 'Cid' } },
        { buyer: null },
        { buyer: { id: 'acc-2', nickname: 'Rydia' } },
      ];
      for (const caller of ['player', 'admin'] as const) {
        expect(await ask(graph, caller, query)).toMatchObject({
          status: 200,
          data: { orders: readable },
          errors: [],
        });
      }
    });

    it('refuses a reference to a guarded entity type without calling its subgraph', async () => {
      const query = '{ orders { id wallet { gil } } }';
      expect(await ask(graph, 'anonymous', query)).toEqual({
        status: 200,
        data: {
          orders: [
            { id: 'o-1', wallet: null },
            { id: 'o-2', wallet: null },
            { id: 'o-3', wallet: null },
          ],
        },
        errors: [0, 1, 2].map((i) => `UNAUTHENTICATED at orders.${i}.wallet`),
        received: {
          orders: ['Order.id', 'Query.orders'],
          accounts: 'not called',
          billing: 'not called',
        },
      });
      expect(await messagesOf(graph, 'anonymous', query)).toContain(
        'Field "Order.wallet" requires authentication.',
      );
      for (const caller of ['player', 'admin'] as const) {
        expect(await ask(graph, caller, query)).toEqual({
          status: 200,
          data: {
            orders: [
              { id: 'o-1', wallet: { gil: 500 } },
              { id: 'o-2', wallet: { gil: 20 } },
              { id: 'o-3', wallet: null },
            ],
          },
          errors: [],
          received: {
            orders: ['Order.id', 'Order.wallet', 'Query.orders', 'Wallet.id'],
            accounts: ['Wallet.gil'],
            billing: 'not called',
          },
        });
      }
    });

    it('removes a guarded field another subgraph adds to the entity', async () => {
      const query = '{ orders { id paid invoiceTotal } }';
      const totals = (values: (number | null)[]) => [
        { id: 'o-1', paid: true, invoiceTotal: values[0] },
        { id: 'o-2', paid: false, invoiceTotal: values[1] },
        { id: 'o-3', paid: true, invoiceTotal: values[2] },
      ];
      const orderIds = ['Order.id', 'Query.orders'];
      expect(await ask(graph, 'anonymous', query)).toEqual({
        status: 200,
        data: { orders: totals([null, null, null]) },
        errors: [0, 1, 2].map((i) => `UNAUTHENTICATED at orders.${i}.invoiceTotal`),
        received: { orders: orderIds, accounts: 'not called', billing: ['Order.paid'] },
      });
      expect(await ask(graph, 'player', query)).toEqual({
        status: 200,
        data: { orders: totals([null, null, null]) },
        errors: [0, 1, 2].map((i) => `FORBIDDEN at orders.${i}.invoiceTotal`),
        received: { orders: orderIds, accounts: 'not called', billing: ['Order.paid'] },
      });
      expect(await ask(graph, 'admin', query)).toEqual({
        status: 200,
        data: { orders: totals([150, 70, 70]) },
        errors: [],
        received: {
          orders: orderIds,
          accounts: 'not called',
          billing: ['Order.invoiceTotal', 'Order.paid'],
        },
      });
      // Nothing else asked of billing: it is not called at all.
      expect((await ask(graph, 'player', '{ orders { id invoiceTotal } }')).received).toEqual({
        orders: orderIds,
        accounts: 'not called',
        billing: 'not called',
      });
    });

    it('fetches a guarded @requires field only for callers allowed the requiring one', async () => {
      const query = '{ orders { id shippingCost } }';
      expect(await ask(graph, 'anonymous', query)).toEqual({
        status: 200,
        data: {
          orders: [
            { id: 'o-1', shippingCost: null },
            { id: 'o-2', shippingCost: null },
            { id: 'o-3', shippingCost: null },
          ],
        },
        errors: [0, 1, 2].map((i) => `UNAUTHENTICATED at orders.${i}.shippingCost`),
        received: {
          orders: ['Order.id', 'Query.orders'],
          accounts: 'not called',
          billing: 'not called',
        },
      });
      for (const caller of ['player', 'admin'] as const) {
        // The router fetches weight for billing; the client, which did not ask, never sees it.
        expect(await ask(graph, caller, query)).toEqual({
          status: 200,
          data: {
            orders: [
              { id: 'o-1', shippingCost: 12 },
              { id: 'o-2', shippingCost: 20 },
              { id: 'o-3', shippingCost: 4 },
            ],
          },
          errors: [],
          received: {
            orders: ['Order.id', 'Order.weight', 'Query.orders'],
            accounts: 'not called',
            billing: ['Order.shippingCost'],
          },
        });
        expect(graph.subgraphs['billing']!.received[0]!.variables['representations']).toEqual([
          { __typename: 'Order', id: 'o-1', weight: 3 },
          { __typename: 'Order', id: 'o-2', weight: 5 },
          { __typename: 'Order', id: 'o-3', weight: 1 },
        ]);
      }
    });

    it("refuses a guarded root field and answers another subgraph's beside it", async () => {
      const query = '{ orders { id } revenue }';
      const ids = [{ id: 'o-1' }, { id: 'o-2' }, { id: 'o-3' }];
      const refused = {
        orders: ['Order.id', 'Query.orders'],
        accounts: 'not called',
        billing: 'not called',
      };
      expect(await ask(graph, 'anonymous', query)).toEqual({
        status: 200,
        data: { orders: ids, revenue: null },
        errors: ['UNAUTHENTICATED at revenue'],
        received: refused,
      });
      expect(await ask(graph, 'player', query)).toEqual({
        status: 200,
        data: { orders: ids, revenue: null },
        errors: ['FORBIDDEN at revenue'],
        received: refused,
      });
      expect(await ask(graph, 'admin', query)).toEqual({
        status: 200,
        data: { orders: ids, revenue: 9000 },
        errors: [],
        received: { ...refused, billing: ['Query.revenue'] },
      });
    });

    it('nulls the whole data for a refused non-null root field, after running the rest', async () => {
      const query = '{ orders { id } ledgerBalance }';
      expect(await ask(graph, 'player', query)).toEqual({
        status: 200,
        data: null,
        errors: ['FORBIDDEN at ledgerBalance'],
        // The orders were fetched for nothing: the null reaches the root only afterwards.
        received: {
          orders: ['Order.id', 'Query.orders'],
          accounts: 'not called',
          billing: 'not called',
        },
      });
      expect((await ask(graph, 'anonymous', query)).errors).toEqual([
        'UNAUTHENTICATED at ledgerBalance',
      ]);
      expect((await ask(graph, 'admin', query)).data).toEqual({
        orders: [{ id: 'o-1' }, { id: 'o-2' }, { id: 'o-3' }],
        ledgerBalance: 42,
      });
    });

    it('masks a subgraph error without a public code at its path, beside the rest', async () => {
      const query = '{ orders { id dispute invoiceTotal buyer { nickname } } }';
      const answered = (totals: (number | null)[]) => [
        { id: 'o-1', dispute: 'none', invoiceTotal: totals[0], buyer: { nickname: 'Cid' } },
        { id: 'o-2', dispute: null, invoiceTotal: totals[1], buyer: null },
        { id: 'o-3', dispute: 'none', invoiceTotal: totals[2], buyer: { nickname: 'Rydia' } },
      ];
      const received = {
        orders: ORDER_BUYERS,
        accounts: ['Account.nickname'],
        billing: ['Order.dispute'],
      };
      expect(await ask(graph, 'player', query)).toEqual({
        status: 200,
        data: { orders: answered([null, null, null]) },
        errors: [
          'INTERNAL_SERVER_ERROR at orders.1.dispute',
          ...[0, 1, 2].map((i) => `FORBIDDEN at orders.${i}.invoiceTotal`),
        ],
        received,
      });
      expect((await ask(graph, 'anonymous', query)).errors).toEqual([
        'INTERNAL_SERVER_ERROR at orders.1.dispute',
        ...[0, 1, 2].map((i) => `UNAUTHENTICATED at orders.${i}.invoiceTotal`),
      ]);
      expect(await ask(graph, 'admin', query)).toEqual({
        status: 200,
        data: { orders: answered([150, 70, 70]) },
        errors: ['INTERNAL_SERVER_ERROR at orders.1.dispute'],
        received: { ...received, billing: ['Order.dispute', 'Order.invoiceTotal'] },
      });

      const { text, body } = await graph.request('admin', query);
      expect(body.errors).toEqual([
        {
          message: 'Internal server error',
          path: ['orders', 1, 'dispute'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      for (const secret of ['postgres', 's3cret', 'ledger.internal', 'stacktrace', 'billing']) {
        expect(text).not.toContain(secret);
      }
    });
  });

  describe('a PRIVATE, guarded entity behind the entity cache', () => {
    let graph: RecordingSupergraph;

    beforeAll(async () => {
      graph = await startRecordingSupergraph({
        subgraphs: [players, wallets],
        engine,
        entityCache: true,
      });
    });

    afterAll(async () => {
      await graph?.stop();
    });

    it('never serves one caller the wallet cached for another', async () => {
      const WALLET = '{ player(id: "p-1") { name wallet { holder gil } } }';
      const WITH_LEDGER = '{ player(id: "p-1") { name wallet { holder gil ledger } } }';
      const stats = () => graph.router.cacheStats!.snapshot();
      const walletCalls = () => graph.subgraphs['wallets']!.received.length;
      const bodyOf = async (caller: Caller, query = WALLET) => {
        const { body } = await graph.request(caller, query);
        return body;
      };

      expect(await bodyOf('anonymous')).toEqual({
        data: { player: { name: 'Cecil', wallet: null } },
        errors: [expect.objectContaining({ path: ['player', 'wallet'] })],
      });
      expect(walletCalls()).toBe(0);

      expect(await bodyOf('player')).toEqual({
        data: { player: { name: 'Cecil', wallet: { holder: 'player-1', gil: 300 } } },
      });
      expect(walletCalls()).toBe(1);
      // The same caller again: answered from the cache.
      expect(await bodyOf('player')).toEqual({
        data: { player: { name: 'Cecil', wallet: { holder: 'player-1', gil: 300 } } },
      });
      expect(walletCalls()).toBe(1);
      expect(stats().hits).toBe(1);

      // Another player, same wallet and selection: a miss, answered for that player.
      expect(await bodyOf('other player')).toEqual({
        data: { player: { name: 'Cecil', wallet: { holder: 'player-2', gil: 300 } } },
      });
      expect(walletCalls()).toBe(2);
      expect(await bodyOf('admin', WITH_LEDGER)).toEqual({
        data: {
          player: {
            name: 'Cecil',
            wallet: { holder: 'admin-1', gil: 300, ledger: ['+300 quest reward'] },
          },
        },
      });
      expect(walletCalls()).toBe(3);

      // The admin's ledger is refused to the player, whose own entry answers the rest.
      const player = await bodyOf('player', WITH_LEDGER);
      expect(player).toEqual({
        data: {
          player: { name: 'Cecil', wallet: { holder: 'player-1', gil: 300, ledger: null } },
        },
        errors: [expect.objectContaining({ path: ['player', 'wallet', 'ledger'] })],
      });
      expect(player.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(walletCalls()).toBe(3);
      expect(stats()).toMatchObject({ hits: 2, misses: 3 });
    });
  });
});
