import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { subgraphSdl } from '../graphql/subgraphSdl.ts';
import type { EventBus } from '../bus/EventBus.ts';
import { busSettingsOf, routerSecretOf } from '../config/loadConfig.ts';
import { listenSettingsOf, type SubgraphConfig } from '../config/subgraphConfig.ts';
import { serveSubgraph, type RequestContext } from '../graphql/serveSubgraph.ts';
import { createLogger } from '../logging/createLogger.ts';
import { shutdownOnSignals } from './shutdownOnSignals.ts';
import { startServiceRuntime } from './startServiceRuntime.ts';
import type { SubgraphDefinition } from './SubgraphDefinition.ts';
import { startTimers } from './startTimers.ts';

export interface StartSubgraphOptions<TConfig> {
  /** Its settings; default: read from `process.env` with the definition's loader. */
  config?: TConfig;
  /** A bus shared with the other services of this process (embedded mode). */
  bus?: EventBus | undefined;
  /** Listen here instead of the configured `<NAME>_PORT`/`<NAME>_HOST` (0: a free port). */
  listen?: { port: number; host: string };
}

/** A subgraph started by {@link startSubgraph}. */
export interface RunningSubgraphService {
  name: string;
  /** The `/graphql` URL, reachable from this machine. */
  url: string;
  /**
   * Shuts down in order: timers (waiting for a run in progress), HTTP (in-flight requests
   * drained, subscriptions closed), then the runtime (consuming stopped, outbox drained, bus
   * and store closed).
   */
  stop(): Promise<void>;
}

/**
 * Boots any subgraph: store, bus and outbox relay (the runtime), then its `wire`, its
 * subscribers on the bus, its timers, and last the HTTP server with health, metrics and its
 * public routes, whose port opens only once all of it is in place. What fails on the way
 * closes what was started and rejects.
 */
export async function startSubgraph<
  TConfig extends SubgraphConfig,
  TContext extends RequestContext,
  TExposed extends object,
>(
  definition: SubgraphDefinition<TConfig, TContext, TExposed>,
  options: StartSubgraphOptions<TConfig> = {},
): Promise<RunningSubgraphService & TExposed> {
  const config = options.config ?? definition.loadConfig();
  const configured = listenSettingsOf(definition.name, config);
  const listen = options.listen ?? configured;
  const routerSecret = routerSecretOf(config);
  const typeDefs = parse(subgraphSdl(readFileSync(definition.schema, 'utf8')));
  const runtime = await startServiceRuntime({
    service: definition.name,
    database: configured.database,
    mongodbUrl: config.MONGODB_URL,
    ...busSettingsOf(config),
    dataDir: config.DATA_DIR,
    logLevel: config.LOG_LEVEL,
    bus: options.bus,
  });
  let timers: { stop(): Promise<void> } | undefined;
  try {
    const wiring = await definition.wire({ ...runtime, config, clock: () => new Date() });
    for (const subscriber of wiring.subscribers ?? []) await runtime.bus.subscribe(subscriber);
    timers = startTimers(wiring.timers ?? [], runtime.logger);
    const server = await serveSubgraph<TContext>({
      typeDefs,
      resolvers: definition.resolvers,
      context: (base) => wiring.context(base),
      port: listen.port,
      host: listen.host,
      routerSecret,
      logger: runtime.logger,
      readiness: runtime.readiness,
      metrics: runtime.metrics,
      ...(wiring.publicRoutes ? { publicRoutes: wiring.publicRoutes } : {}),
    });
    const running: RunningSubgraphService = {
      name: definition.name,
      url: server.url,
      async stop() {
        await timers?.stop();
        await server.stop();
        await runtime.close();
      },
    };
    return Object.assign(running, wiring.expose?.({ url: server.url }));
  } catch (error) {
    await timers?.stop();
    await runtime.close();
    throw error;
  }
}

/**
 * A subgraph's `main.ts`: reads its settings, starts it, and stops it on SIGTERM/SIGINT; a
 * failure to start is written to stderr and exits 1.
 */
export async function runSubgraph<
  TConfig extends SubgraphConfig,
  TContext extends RequestContext,
  TExposed extends object,
>(definition: SubgraphDefinition<TConfig, TContext, TExposed>): Promise<void> {
  try {
    const config = definition.loadConfig();
    const running = await startSubgraph(definition, { config });
    shutdownOnSignals({
      logger: createLogger({ service: definition.name, level: config.LOG_LEVEL }),
      stop: () => running.stop(),
    });
  } catch (error) {
    process.stderr.write(`${definition.name} failed to start: ${String(error)}\n`);
    process.exit(1);
  }
}
