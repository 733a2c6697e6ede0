import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { listen } from '@play-economy/chassis';
import express from 'express';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';

const FEDERATION = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes"])`;

/** The products subgraph SDL; `withPrice` adds a field, to compose a newer supergraph. */
export function productsSdl({ withPrice = false, secured = false } = {}): string {
  return `${FEDERATION}
type Product @key(fields: "id") {
  id: ID!
  name: String!
  ${withPrice ? 'price: Int!' : ''}
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
  ${secured ? 'secret: String @authenticated  adminNote: String @requiresScopes(scopes: [["admin"]])' : ''}
}`;
}

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
  stop(): Promise<void>;
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
  app.use(
    '/graphql',
    express.json(),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ requestId: req.get('x-request-id') }),
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
            (context as { requestId?: string }).requestId ?? null,
          secret: () => 'classified',
          adminNote: () => 'for admins',
        },
        Product: {
          __resolveReference: ({ id }: { id: string }) => products.find((p) => p.id === id),
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
    stop: () => closeServer(server),
  };
}
