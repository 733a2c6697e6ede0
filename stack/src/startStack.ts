import {
  createLogger,
  InProcessBus,
  startSubgraph,
  type EventBus,
  type RunningSubgraphService,
} from '@play-economy/chassis';
import type { RunningIdentity } from '@play-economy/identity';
import { adminAccountOf, loadIdentityConfig } from '@play-economy/identity/config';
import {
  createRouter,
  loadRouterConfig,
  type CacheStats,
  type SiteSettings,
} from '@play-economy/router';
import { createGraphQLClient, type GraphQLClient } from './createGraphQLClient.ts';
import { listSubgraphs, loadSubgraph } from './loadSubgraphs.ts';

export interface StackOptions {
  /** Settings as environment variables; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
  /**
   * Bind every server to a free loopback port instead of the configured ones, so tests and
   * benchmarks can run beside a stack started with `npm start`.
   */
  ephemeralPorts?: boolean;
  /** A built single-page app the router serves at its origin (the web store). Default: none. */
  site?: SiteSettings;
}

export interface RunningStack {
  /** The router's `/graphql` URL: the one endpoint clients use. */
  routerUrl: string;
  /** The router's origin, where it serves the `site` when given one (`http://127.0.0.1:4000`). */
  routerOrigin: string;
  /** A GraphQL client for the router. */
  client: GraphQLClient;
  /** Each subgraph's own `/graphql` URL, by name. */
  subgraphUrls: Record<string, string>;
  /** The identity subgraph: its JWKS URL, and its use cases for operations such as key rotation. */
  identity: RunningIdentity;
  /**
   * Logs in through the router and returns a client that sends the access token, plus the
   * signed-in user's id.
   */
  signIn(usernameOrEmail: string, password: string): Promise<SignedInClient>;
  /** {@link signIn} as the seeded admin. */
  signInAsAdmin(): Promise<SignedInClient>;
  /** Registers a new player through the router and signs them in. */
  registerPlayer(username: string, password?: string): Promise<SignedInClient>;
  /** The router's entity cache counters; undefined when the cache is off. */
  routerCacheStats: CacheStats | undefined;
  /**
   * Stops the router first, then the shared in-process bus's consuming (if any), then the
   * subgraphs, then that bus.
   */
  stop(): Promise<void>;
}

export interface SignedInClient extends GraphQLClient {
  userId: string;
  accessToken: string;
}

const AUTH_PAYLOAD = 'accessToken user { id }';

/**
 * Runs the router and every subgraph `rover.yaml` lists in this process. Without `AMQP_URL` the subgraphs share
 * one in-process bus, which is what makes one-process mode work; with it each talks to
 * RabbitMQ on its own connection, as separate processes would.
 */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const env = options.env ?? process.env;
  const ephemeral = options.ephemeralPorts ?? false;
  const listenOn = (port: number, host: string) =>
    ephemeral ? { port: 0, host: '127.0.0.1' } : { port, host };

  const identityConfig = loadIdentityConfig(env);
  const routerConfig = loadRouterConfig(env);
  const bus: EventBus | undefined = identityConfig.AMQP_URL
    ? undefined
    : new InProcessBus({
        logger: createLogger({ service: 'bus', level: identityConfig.LOG_LEVEL }),
      });

  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne();
    await bus?.close();
  };
  try {
    const running: Record<string, RunningSubgraphService> = {};
    for (const listed of await listSubgraphs()) {
      const definition = await loadSubgraph(listed);
      const subgraph = await startSubgraph(definition, {
        config: definition.loadConfig(env),
        bus,
        ...(ephemeral ? { listen: { port: 0, host: '127.0.0.1' } } : {}),
      });
      stops.push(() => subgraph.stop());
      running[listed.name] = subgraph;
    }
    const identity = running['identity'] as RunningIdentity | undefined;
    if (!identity?.jwksUrl)
      throw new Error('rover.yaml lists no identity subgraph to sign in with');
    // Stopped in reverse: after the router, and before any subgraph closes its store, the shared
    // bus stops delivering, so no handler of one service runs against another's closed store.
    if (bus) stops.push(() => bus.stopConsuming());
    const subgraphUrls = Object.fromEntries(
      Object.entries(running).map(([name, subgraph]) => [name, subgraph.url]),
    );

    const routerAt = listenOn(routerConfig.port, routerConfig.host);
    const router = await createRouter({
      ...routerConfig,
      ...routerAt,
      subgraphUrls: { ...routerConfig.subgraphUrls, ...subgraphUrls },
      // Tokens are verified against this identity, wherever its ephemeral port is.
      auth: { ...routerConfig.auth, jwksUrl: identity.jwksUrl },
      logger: createLogger({ service: 'router', level: routerConfig.logLevel }),
      // One process: the router hears invalidations on the subgraphs' in-process bus.
      cache: { ...routerConfig.cache, ...(bus ? { bus } : {}) },
      ...(options.site ? { site: options.site } : {}),
    });
    stops.push(() => router.stop());

    const client = createGraphQLClient(router.url);
    const asSignedIn = (
      payload: { accessToken: string; user: { id: string } } | undefined,
      errors: unknown,
    ): SignedInClient => {
      if (!payload) throw new Error(`sign-in failed: ${JSON.stringify(errors)}`);
      return {
        ...createGraphQLClient(router.url, { authorization: `Bearer ${payload.accessToken}` }),
        userId: payload.user.id,
        accessToken: payload.accessToken,
      };
    };
    const signIn = async (usernameOrEmail: string, password: string) => {
      const { data, errors } = await client.request<{
        login: { accessToken: string; user: { id: string } };
      }>(`mutation ($input: LoginInput!) { login(input: $input) { ${AUTH_PAYLOAD} } }`, {
        input: { usernameOrEmail, password },
      });
      return asSignedIn(data?.login, errors);
    };
    const admin = adminAccountOf(identityConfig);

    return {
      routerUrl: router.url,
      routerOrigin: new URL(router.url).origin,
      client,
      subgraphUrls,
      identity,
      signIn,
      signInAsAdmin: () => signIn(admin.username, admin.password),
      async registerPlayer(username, password = 'correct horse battery staple') {
        const { data, errors } = await client.request<{
          register: { accessToken: string; user: { id: string } };
        }>(`mutation ($input: RegisterInput!) { register(input: $input) { ${AUTH_PAYLOAD} } }`, {
          input: { username, email: `${username}@example.test`, password },
        });
        return asSignedIn(data?.register, errors);
      },
      routerCacheStats: router.cacheStats,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
