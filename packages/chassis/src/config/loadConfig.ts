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

/**
 * Settings every service shares: where its store and broker are. Unset means embedded
 * engine and in-process bus.
 */
export const infrastructureConfig = {
  MONGODB_URL: optionalUrl(),
  AMQP_URL: optionalUrl(),
  /** Embedded store only: where its journal lives. Unset keeps data in memory. */
  DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: logLevel(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
};

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
