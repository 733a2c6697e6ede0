import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  listen,
  VIEWER_HEADER,
  verifyViewer,
  type ViewerVerification,
} from '@play-economy/chassis';
import express from 'express';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';

const FEDERATION = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes"])`;

/**
 * The products subgraph SDL; `withPrice` adds a field, to compose a newer supergraph; `secured`
 * adds fields and types guarded by `@authenticated` and `@requiresScopes` (roles are scopes).
 */
export function productsSdl({ withPrice = false, secured = false } = {}): string {
  return `${FEDERATION}
type Product @key(fields: "id") {
  id: ID!
  name: String!
  ${withPrice ? 'price: Int!' : ''}
  ${secured ? SECURED_PRODUCT_FIELDS : ''}
}
type Query {
  product(id: ID!): Product
  products: [Product!]!
  "Fails with an error whose message must stay inside."
  boom: String
  "Fails with a client-facing NOT_FOUND."
  missing: String
  "The x-request-id header this subgraph received."
  requestId: String
  "The caller as the router-signed viewer header told this subgraph."
  whoami: Caller!
  ${secured ? SECURED_QUERY_FIELDS : ''}
}
type Caller {
  userId: ID
  roles: [String!]!
}
${secured ? SECURED_TYPES : ''}`;
}

const SECURED_PRODUCT_FIELDS = `
  "Nullable and ADMIN only: a player reads null in its place."
  cost: Int @requiresScopes(scopes: [["ADMIN"]])
  "Non-null and ADMIN only: a player's null propagates to the product."
  supplier: String! @requiresScopes(scopes: [["ADMIN"]])`;

const SECURED_QUERY_FIELDS = `
  secret: String @authenticated
  adminNote: String @requiresScopes(scopes: [["ADMIN"]])
  "Any signed-in caller, as its type says."
  vault: Vault
  search: [SearchResult]!`;

const SECURED_TYPES = `
type Vault @authenticated {
  gold: Int!
}
union SearchResult = Product | Vault
type Mutation {
  ping: String!
  like(id: ID!): Int @authenticated
  restock(id: ID!, quantity: Int!): Product @requiresScopes(scopes: [["ADMIN"]])
}`;

export const reviewsSdl = `${FEDERATION}
type Product @key(fields: "id") {
  id: ID!
  reviews: [Review!]!
}
type Review {
  body: String!
  stars: Int!
}`;

/** The secret test routers sign forwarded viewers with. */
export const TEST_ROUTER_SECRET = 'router-tests-secret-router-tests-secret';

/** What the leaking resolver throws: a message with a connection string. */
export const LEAKY_MESSAGE = 'connect failed: mongodb://admin:hunter2@db.internal:27017';

const products = [
  { id: '1', name: 'Potion', price: 50 },
  { id: '2', name: 'Ether', price: 150 },
];
const reviews: Record<string, { body: string; stars: number }[]> = {
  '1': [{ body: 'Heals well', stars: 5 }],
  '2': [],
};

export interface TestSubgraph {
  name: string;
  url: string;
  /** TCP connections accepted so far: shows whether the router reuses connections. */
  connections(): number;
  /** GraphQL requests received so far: shows whether the router called this subgraph. */
  requests(): number;
  stop(): Promise<void>;
}

/** What the test subgraphs' resolvers get. */
interface TestContext {
  requestId: string | undefined;
  viewer: ViewerVerification;
}

async function serve(name: string, schema: GraphQLSchema): Promise<TestSubgraph> {
  const apollo = new ApolloServer({
    schema,
    // Like a careless subgraph: stack traces and raw messages in its responses.
    includeStacktraceInErrorResponses: true,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const app = express();
  let requests = 0;
  app.use(
    '/graphql',
    (_req, _res, next) => {
      requests += 1;
      next();
    },
    express.json(),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<TestContext> => ({
        requestId: req.get('x-request-id'),
        viewer: verifyViewer(req.get(VIEWER_HEADER), TEST_ROUTER_SECRET),
      }),
    }),
  );
  const { server, port } = await listen(app, 0, '127.0.0.1');
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    connections: () => connections,
    requests: () => requests,
    stop: async () => {
      await apollo.stop();
      await closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Products: the entity's owner, with a field that leaks and one that is NOT_FOUND. */
export function startProducts(): Promise<TestSubgraph> {
  const typeDefs = parse(productsSdl({ withPrice: true, secured: true }));
  return serve(
    'products',
    buildSubgraphSchema({
      typeDefs,
      resolvers: {
        Query: {
          product: (_: unknown, { id }: { id: string }) =>
            products.find((p) => p.id === id) ?? null,
          products: () => products,
          boom: () => {
            throw new Error(LEAKY_MESSAGE);
          },
          missing: () => {
            throw new GraphQLError('Product 9 does not exist', {
              extensions: { code: 'NOT_FOUND', entity: 'Product', id: '9' },
            });
          },
          requestId: (_: unknown, _args: unknown, context: unknown) =>
            (context as TestContext).requestId ?? null,
          whoami: (_: unknown, _args: unknown, context: unknown) => {
            const { viewer } = context as TestContext;
            if (!viewer.ok) throw new Error(`viewer header refused: ${viewer.reason}`);
            return { userId: viewer.viewer?.userId ?? null, roles: viewer.viewer?.roles ?? [] };
          },
          secret: () => 'classified',
          adminNote: () => 'for admins',
          vault: () => ({ gold: 1000 }),
          search: () => [products[0], { gold: 1000 }],
        },
        Mutation: {
          ping: () => 'pong',
          like: () => 1,
          restock: (_: unknown, { id }: { id: string }) =>
            products.find((p) => p.id === id) ?? null,
        },
        SearchResult: {
          __resolveType: (value: object) => ('gold' in value ? 'Vault' : 'Product'),
        },
        Product: {
          __resolveReference: ({ id }: { id: string }) => products.find((p) => p.id === id),
          cost: () => 20,
          supplier: () => 'Alchemists Guild',
        },
      },
    }),
  );
}

/** Reviews: extends `Product` with `reviews`. */
export function startReviews(): Promise<TestSubgraph> {
  const resolvers = {
    Product: { reviews: ({ id }: { id: string }) => reviews[id] ?? [] },
  };
  return serve('reviews', buildSubgraphSchema({ typeDefs: parse(reviewsSdl), resolvers }));
}

/** A URL nothing listens on: a port that was free a moment ago. */
export async function unusedUrl(): Promise<string> {
  const { server, port } = await listen(express(), 0, '127.0.0.1');
  await closeServer(server);
  return `http://127.0.0.1:${port}/graphql`;
}

/** An endpoint that answers every request with `status` and a body full of internals. */
export async function startHttpStub(status: number): Promise<TestSubgraph> {
  const app = express();
  app.use((_req, res) => {
    res.status(status).json({ errors: [{ message: 'bad router secret s3cr3t' }] });
  });
  const { server, port } = await listen(app, 0, '127.0.0.1');
  return {
    name: `http-${status}`,
    url: `http://127.0.0.1:${port}/graphql`,
    connections: () => 0,
    requests: () => 0,
    stop: () => closeServer(server),
  };
}
