import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import {
  createLogger,
  InProcessBus,
  listen,
  VIEWER_HEADER,
  verifyViewer,
  type Role,
  type Viewer,
} from '@play-economy/chassis';
import express from 'express';
import { parse, TypeInfo, visit, visitWithTypeInfo, type GraphQLSchema } from 'graphql';
import { createRouter, type RouterEngine, type RunningRouter } from '../../src/index.ts';
import { composeSupergraph } from './composeSupergraph.ts';
import { postGraphQL, type GraphQLResponse } from './http.ts';
import {
  startTokenIssuer,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TokenIssuer,
} from './startTokenIssuer.ts';
import { TEST_ROUTER_SECRET } from './testSubgraphs.ts';

/** What a recording subgraph's resolvers get as their context. */
export interface RecordingContext {
  /** The caller, as the router's signed viewer header says; `null` when anonymous. */
  viewer: Viewer | null;
}

/** One subgraph of a test supergraph: its SDL and the resolvers that serve it. */
export interface RecordingSubgraphDefinition {
  name: string;
  sdl: string;
  resolvers: GraphQLResolverMap<RecordingContext>;
}

/** One GraphQL request a subgraph received from the router. */
export interface ReceivedRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** A subgraph on loopback that keeps every request the router sent it. */
export interface RecordingSubgraph {
  readonly name: string;
  readonly url: string;
  /** Requests received since the start or the last `forget()`, oldest first. */
  readonly received: readonly ReceivedRequest[];
  /**
   * What the router asked of this subgraph: every field the received operations selected, as
   * `Type.field` of the type it was selected on (`Query._entities` and `__typename` left out),
   * sorted, without duplicates.
   */
  fieldsReceived(): string[];
  /** Forgets what was received so far. */
  forget(): void;
}

/**
 * Who calls the router: nobody (no token), two players (`PLAYER`, users `player-1` and
 * `player-2`) and an admin (`ADMIN` only, user `admin-1`). Roles are the scopes
 * `@requiresScopes` checks, and they do not nest: an admin does not hold `PLAYER`.
 */
export type Caller = 'anonymous' | 'player' | 'other player' | 'admin';

const CALLERS: Record<Exclude<Caller, 'anonymous'>, { sub: string; roles: Role[] }> = {
  player: { sub: 'player-1', roles: ['PLAYER'] },
  'other player': { sub: 'player-2', roles: ['PLAYER'] },
  admin: { sub: 'admin-1', roles: ['ADMIN'] },
};

export interface RecordingSupergraphOptions {
  subgraphs: readonly RecordingSubgraphDefinition[];
  /** What executes the plans; default `router`. */
  engine?: RouterEngine;
  /**
   * Turn the router's entity cache on, in memory, evicted by an in-process bus nobody
   * publishes to (entries live their max-age). Default off.
   */
  entityCache?: boolean;
}

export interface RecordingSupergraph {
  router: RunningRouter;
  /** The subgraphs by name. */
  subgraphs: Readonly<Record<string, RecordingSubgraph>>;
  /** POSTs an operation to the router as `caller`. */
  request(
    caller: Caller,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse>;
  /** Forgets what every subgraph received so far. */
  forget(): void;
  stop(): Promise<void>;
}

/**
 * Recording subgraphs on loopback (`@apollo/subgraph` in Apollo Server), the supergraph composed
 * from their SDLs with `@apollo/composition`, a token issuer, and the real router serving that
 * supergraph over HTTP and verifying tokens against the issuer: a small audit-like supergraph
 * of a test's own, where each subgraph shows what the router asked of it.
 */
export async function startRecordingSupergraph(
  options: RecordingSupergraphOptions,
): Promise<RecordingSupergraph> {
  const started: { subgraph: RecordingSubgraph; stop: () => Promise<void> }[] = [];
  let issuer: TokenIssuer | undefined;
  let router: RunningRouter | undefined;
  let directory: string | undefined;
  const bus = options.entityCache
    ? new InProcessBus({ logger: createLogger({ service: 'bus', level: 'silent' }) })
    : undefined;
  const stop = async () => {
    await router?.stop();
    await bus?.close();
    await Promise.all([...started.map((entry) => entry.stop()), issuer?.stop()]);
    if (directory) await rm(directory, { recursive: true, force: true });
  };
  try {
    for (const definition of options.subgraphs) started.push(await serve(definition));
    issuer = await startTokenIssuer();
    directory = await mkdtemp(join(tmpdir(), 'router-recording-'));
    const supergraphPath = join(directory, 'supergraph.graphql');
    await writeFile(
      supergraphPath,
      composeSupergraph(
        options.subgraphs.map(({ name, sdl }, i) => ({ name, sdl, url: started[i]!.subgraph.url })),
      ),
    );
    router = await createRouter({
      supergraphPath,
      port: 0,
      host: '127.0.0.1',
      watchSupergraph: false,
      routerSecret: TEST_ROUTER_SECRET,
      engine: options.engine ?? 'router',
      logger: createLogger({ service: 'router', level: 'silent' }),
      auth: { jwksUrl: issuer.jwksUrl, issuer: TEST_ISSUER, audience: TEST_AUDIENCE },
      cache: bus ? { bus } : { enabled: false },
    });
  } catch (error) {
    await stop();
    throw error;
  }

  const tokens = new Map<Caller, string>();
  const tokenIssuer = issuer;
  const tokenOf = async (caller: Exclude<Caller, 'anonymous'>) => {
    let token = tokens.get(caller);
    if (!token) {
      const { sub, roles } = CALLERS[caller];
      token = await tokenIssuer
        .aToken()
        .withSubject(sub)
        .withRoles(...roles)
        .sign();
      tokens.set(caller, token);
    }
    return token;
  };
  const subgraphs = Object.fromEntries(started.map(({ subgraph }) => [subgraph.name, subgraph]));
  const url = router.url;
  return {
    router,
    subgraphs,
    request: async (caller, query, variables = {}) =>
      postGraphQL(
        url,
        query,
        variables,
        caller === 'anonymous' ? {} : { authorization: `Bearer ${await tokenOf(caller)}` },
      ),
    forget: () => {
      for (const subgraph of Object.values(subgraphs)) subgraph.forget();
    },
    stop,
  };
}

async function serve(
  definition: RecordingSubgraphDefinition,
): Promise<{ subgraph: RecordingSubgraph; stop: () => Promise<void> }> {
  const schema = buildSubgraphSchema([
    { typeDefs: parse(definition.sdl), resolvers: definition.resolvers },
  ]);
  const apollo = new ApolloServer<RecordingContext>({
    schema,
    // Like a careless subgraph: raw messages and stack traces go back to the router.
    includeStacktraceInErrorResponses: true,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  let received: ReceivedRequest[] = [];
  const app = express();
  app.use(
    '/graphql',
    express.json(),
    (req, _res, next) => {
      const body = req.body as Partial<ReceivedRequest> | undefined;
      if (typeof body?.query === 'string') {
        received.push({ query: body.query, variables: body.variables ?? {} });
      }
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RecordingContext> => {
        const verification = verifyViewer(req.get(VIEWER_HEADER), TEST_ROUTER_SECRET);
        if (!verification.ok) throw new Error(`viewer header refused: ${verification.reason}`);
        return { viewer: verification.viewer };
      },
    }),
  );
  const { server, port } = await listen(app, 0, '127.0.0.1');
  const subgraph: RecordingSubgraph = {
    name: definition.name,
    url: `http://127.0.0.1:${port}/graphql`,
    get received() {
      return received;
    },
    fieldsReceived: () => coordinatesOf(schema, received),
    forget: () => {
      received = [];
    },
  };
  return {
    subgraph,
    stop: async () => {
      await apollo.stop();
      await closeServer(server);
    },
  };
}

function coordinatesOf(schema: GraphQLSchema, requests: readonly ReceivedRequest[]): string[] {
  const coordinates = new Set<string>();
  for (const { query } of requests) {
    const typeInfo = new TypeInfo(schema);
    visit(
      parse(query),
      visitWithTypeInfo(typeInfo, {
        Field: (field) => {
          const coordinate = `${typeInfo.getParentType()?.name ?? '?'}.${field.name.value}`;
          if (field.name.value !== '__typename' && coordinate !== 'Query._entities') {
            coordinates.add(coordinate);
          }
        },
      }),
    );
  }
  return [...coordinates].sort();
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
