import { z } from 'zod';
import {
  infrastructureConfig,
  loadConfig,
  port,
  refusePublishedSecretsInProduction,
  requireInfrastructureInProduction,
  routerSecretConfig,
  telemetryConfig,
} from './loadConfig.ts';

/** The three settings named after a subgraph: `<NAME>_PORT`, `<NAME>_HOST`, `<NAME>_DATABASE`. */
type ListenShape<TPrefix extends string> = Record<`${TPrefix}_PORT`, ReturnType<typeof port>> &
  Record<`${TPrefix}_HOST` | `${TPrefix}_DATABASE`, z.ZodDefault<z.ZodString>>;

type SubgraphShape<
  TName extends string,
  TShape extends z.ZodRawShape,
> = typeof infrastructureConfig &
  typeof routerSecretConfig &
  typeof telemetryConfig &
  ListenShape<Uppercase<TName>> &
  TShape;

/** A subgraph's settings schema, built by {@link subgraphConfig}. */
export interface SubgraphConfigSchema<TName extends string, TShape extends z.ZodRawShape> {
  /** The zod schema of the whole environment this subgraph reads. */
  schema: z.ZodObject<SubgraphShape<TName, TShape>>;
  /** Reads and validates the environment; throws a `ConfigError` naming every bad variable. */
  load(
    env?: Record<string, string | undefined>,
  ): z.infer<z.ZodObject<SubgraphShape<TName, TShape>>>;
}

/** What the chassis reads from every subgraph's settings, whatever else they hold. */
export interface SubgraphConfig {
  NODE_ENV: 'development' | 'production' | 'test';
  LOG_LEVEL: string;
  MONGODB_URL?: string | undefined;
  AMQP_URL?: string | undefined;
  DATA_DIR?: string | undefined;
  RABBITMQ_QUORUM_QUEUES?: boolean | undefined;
  RABBITMQ_DELIVERY_LIMIT: number;
  ROUTER_SECRET?: string | undefined;
}

/** The prefix of a subgraph's own settings: `trading` → `TRADING`. */
export function settingsPrefixOf(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/**
 * The settings of a subgraph named `name`: what every service reads (store, broker, log level,
 * telemetry, the router's secret), `<NAME>_PORT` (default `defaultPort`), `<NAME>_HOST` (default
 * `0.0.0.0`) and `<NAME>_DATABASE` (default `name`), plus the subgraph's own `shape`.
 * Production refuses to start without `MONGODB_URL` and `AMQP_URL`.
 */
export function subgraphConfig<const TName extends string, TShape extends z.ZodRawShape>(
  name: TName,
  defaultPort: number,
  shape: TShape,
): SubgraphConfigSchema<TName, TShape> {
  const prefix = settingsPrefixOf(name);
  const listen: z.ZodRawShape = {
    [`${prefix}_PORT`]: port(defaultPort),
    [`${prefix}_HOST`]: z.string().min(1).default('0.0.0.0'),
    /** Database name, on MongoDB or in the embedded engine. */
    [`${prefix}_DATABASE`]: z.string().min(1).default(name),
  };
  const base = z.object({ ...infrastructureConfig, ...routerSecretConfig, ...telemetryConfig });
  const extended: z.ZodObject<z.ZodRawShape> = base.extend(listen).extend(shape);
  const schema = extended.superRefine((config, context) => {
    requireInfrastructureInProduction()(config as z.infer<typeof base>, context);
    refusePublishedSecretsInProduction()(config as z.infer<typeof base>, context);
  });
  // zod cannot infer keys built from `name`; the declared shape is what was built above.
  const typed = schema as unknown as z.ZodObject<SubgraphShape<TName, TShape>>;
  return { schema: typed, load: (env) => loadConfig(typed, env) };
}

/** Where a subgraph listens and which database it owns, from its `<NAME>_*` settings. */
export function listenSettingsOf(
  name: string,
  config: object,
): { port: number; host: string; database: string } {
  const prefix = settingsPrefixOf(name);
  const values = config as Record<string, unknown>;
  const port = values[`${prefix}_PORT`];
  const host = values[`${prefix}_HOST`];
  const database = values[`${prefix}_DATABASE`];
  if (typeof port !== 'number' || typeof host !== 'string' || typeof database !== 'string') {
    throw new TypeError(
      `the settings of ${name} lack ${prefix}_PORT, ${prefix}_HOST or ${prefix}_DATABASE (build them with subgraphConfig)`,
    );
  }
  return { port, host, database };
}
