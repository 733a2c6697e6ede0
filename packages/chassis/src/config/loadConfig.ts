import { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates the environment against a schema at start-up. A bad value fails with a message
 * naming every offending variable, so a misconfigured service never half-starts.
 */
export function loadConfig<TSchema extends z.ZodType>(
  schema: TSchema,
  env: Record<string, string | undefined> = process.env,
): z.infer<TSchema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
  );
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

/** A TCP port from the environment, with a default. */
export const port = (fallback: number) =>
  z.coerce.number().int().min(0).max(65535).default(fallback);

/** An optional URL; an empty string counts as unset. */
export const optionalUrl = () =>
  z.preprocess((value) => (value === '' ? undefined : value), z.url().optional());

export const logLevel = () =>
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/** `true`/`false` (or `1`/`0`) from the environment. */
export const booleanSetting = () =>
  z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/**
 * Settings every service shares: where its store and broker are. Unset means embedded
 * engine and in-process bus, which production refuses unless told otherwise (see
 * {@link requireInfrastructureInProduction}).
 */
export const infrastructureConfig = {
  MONGODB_URL: optionalUrl(),
  AMQP_URL: optionalUrl(),
  /** Embedded store only: where its journal lives. Unset keeps data in memory. */
  DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: logLevel(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * Lets `NODE_ENV=production` run without `MONGODB_URL` or `AMQP_URL`, on the embedded store
   * and the in-process bus: for a single-process demo only, never for replicas.
   */
  ALLOW_EMBEDDED_IN_PRODUCTION: booleanSetting().default(false),
  /**
   * RabbitMQ: quorum queues for commands and replies (shared subscriptions). Defaults to on in
   * production, off otherwise. An existing classic queue cannot become a quorum queue: see
   * "Moving to quorum queues" in docs/operations.md.
   */
  RABBITMQ_QUORUM_QUEUES: booleanSetting().optional(),
  /** RabbitMQ quorum queues: deliveries of a message left unsettled before it is dead-lettered. */
  RABBITMQ_DELIVERY_LIMIT: z.coerce.number().int().min(1).max(1000).default(20),
};

type InfrastructureVariable = 'MONGODB_URL' | 'AMQP_URL';

/** What runs in place of each engine when its URL is missing. */
const EMBEDDED_STAND_IN: Record<InfrastructureVariable, string> = {
  MONGODB_URL: 'the data would live in this process only (embedded store)',
  AMQP_URL:
    'messages would stay in this process (in-process bus), so no other service hears them and a purchase never completes',
};

/**
 * The rule that production runs on the real engines: with `NODE_ENV=production`, each of
 * `variables` must be set, unless `ALLOW_EMBEDDED_IN_PRODUCTION=true` allows the embedded stand-in
 * (a single-process demo). Without it a half-configured deployment would start and silently run
 * every replica on a store and a bus of its own. Use it as a schema refinement:
 * `z.object({ ...infrastructureConfig, ... }).superRefine(requireInfrastructureInProduction())`;
 * `loadConfig` then names each missing variable.
 */
export function requireInfrastructureInProduction(
  variables: readonly InfrastructureVariable[] = ['MONGODB_URL', 'AMQP_URL'],
  /** What goes wrong without a variable, where it differs from a subgraph's case. */
  consequences: Partial<Record<InfrastructureVariable, string>> = {},
) {
  return (
    config: {
      NODE_ENV: string;
      ALLOW_EMBEDDED_IN_PRODUCTION: boolean;
      MONGODB_URL?: string | undefined;
      AMQP_URL?: string | undefined;
    },
    context: z.RefinementCtx,
  ): void => {
    if (config.NODE_ENV !== 'production' || config.ALLOW_EMBEDDED_IN_PRODUCTION) return;
    for (const variable of variables) {
      if (config[variable]) continue;
      context.addIssue({
        code: 'custom',
        path: [variable],
        message: `required in production: without it ${consequences[variable] ?? EMBEDDED_STAND_IN[variable]} (ALLOW_EMBEDDED_IN_PRODUCTION=true allows that for a single-process demo)`,
      });
    }
  };
}

/** The bus settings of a service's config, for `startServiceRuntime` or `createBus`. */
export function busSettingsOf(config: {
  NODE_ENV: string;
  AMQP_URL?: string | undefined;
  RABBITMQ_QUORUM_QUEUES?: boolean | undefined;
  RABBITMQ_DELIVERY_LIMIT: number;
}): { amqpUrl: string | undefined; queueType: 'classic' | 'quorum'; deliveryLimit: number } {
  const quorum = config.RABBITMQ_QUORUM_QUEUES ?? config.NODE_ENV === 'production';
  return {
    amqpUrl: config.AMQP_URL,
    queueType: quorum ? 'quorum' : 'classic',
    deliveryLimit: config.RABBITMQ_DELIVERY_LIMIT,
  };
}

/**
 * OpenTelemetry settings. The SDK reads them itself (see `startTelemetry`); every service's
 * config declares them too, so a bad value stops the start like any other.
 */
export const telemetryConfig = {
  /** OTLP/HTTP collector, e.g. Jaeger's `http://jaeger:4318`. Unset: no span leaves the process. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(),
  /** `service.name` of the exported spans. Defaults to the service's own name. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
};

/**
 * The secret the router signs forwarded identities with and subgraphs check them with. Only
 * development may fall back to a well-known value, so `npm start` needs no settings.
 */
export const routerSecretConfig = {
  ROUTER_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
};

/** The router secret development falls back to, when none is set (see {@link routerSecretOf}). */
const DEVELOPMENT_ROUTER_SECRET = 'development-only-router-secret-never-use-in-production';

export function routerSecretOf(config: {
  ROUTER_SECRET?: string | undefined;
  NODE_ENV: string;
}): string {
  if (config.ROUTER_SECRET) return config.ROUTER_SECRET;
  if (config.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration:\n  ROUTER_SECRET: required in production');
  }
  return DEVELOPMENT_ROUTER_SECRET;
}

/** The password identity seeds its admin with in development, when none is set (README). */
export const DEVELOPMENT_ADMIN_PASSWORD = 'change-me-admin-password';

type PublishedSecretVariable = 'ROUTER_SECRET' | 'ADMIN_PASSWORD';

/**
 * Secret values anyone can read in this repository: the development fallbacks, the values the
 * compose file once defaulted to, and those of its development env file (docker/development.env).
 */
const PUBLISHED_SECRET_VALUES: Record<PublishedSecretVariable, readonly string[]> = {
  ROUTER_SECRET: [DEVELOPMENT_ROUTER_SECRET, 'compose-workstation-secret-change-before-deploying'],
  ADMIN_PASSWORD: [DEVELOPMENT_ADMIN_PASSWORD, 'compose-workstation-admin-password'],
};

/** Words only a placeholder for a secret contains ("change-me", "never use in production"). */
const PLACEHOLDER_WORDS =
  /change[-_ ]?me|change[-_ ]before|replace[-_ ]?me|never[-_ ]use|development[-_ ]only/i;

/**
 * The rule that production runs on secrets of its own: with `NODE_ENV=production`, a
 * `ROUTER_SECRET` or `ADMIN_PASSWORD` that this repository publishes (a development fallback, a
 * value of the compose file's development env) or that reads as a placeholder is refused, naming
 * the variable. Anyone who has read the repository could otherwise forge the router's identity
 * header or sign in as the admin. Use it beside {@link requireInfrastructureInProduction}:
 * `schema.superRefine(refusePublishedSecretsInProduction())`.
 */
export function refusePublishedSecretsInProduction() {
  return (
    config: {
      NODE_ENV: string;
      ROUTER_SECRET?: string | undefined;
      ADMIN_PASSWORD?: string | undefined;
    },
    context: z.RefinementCtx,
  ): void => {
    if (config.NODE_ENV !== 'production') return;
    for (const variable of ['ROUTER_SECRET', 'ADMIN_PASSWORD'] as const) {
      const value = config[variable]?.trim();
      if (!value) continue;
      if (!PUBLISHED_SECRET_VALUES[variable].includes(value) && !PLACEHOLDER_WORDS.test(value)) {
        continue;
      }
      context.addIssue({
        code: 'custom',
        path: [variable],
        message:
          'a published development value or a placeholder, refused in production: set a secret of your own (e.g. `openssl rand -base64 48`)',
      });
    }
  };
}
