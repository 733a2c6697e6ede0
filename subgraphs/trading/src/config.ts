import {
  infrastructureConfig,
  loadConfig,
  port,
  refusePublishedSecretsInProduction,
  requireInfrastructureInProduction,
  routerSecretConfig,
  telemetryConfig,
  z,
} from '@play-economy/chassis';

const schema = z
  .object({
    ...infrastructureConfig,
    ...routerSecretConfig,
    ...telemetryConfig,
    TRADING_PORT: port(4004),
    TRADING_HOST: z.string().min(1).default('0.0.0.0'),
    /** Database name, on MongoDB or in the embedded engine. */
    TRADING_DATABASE: z.string().min(1).default('trading'),
    /** How long a saga step waits for its reply before its command is sent again. */
    PURCHASE_STEP_TIMEOUT_SECONDS: z.coerce.number().positive().max(86_400).default(30),
    /** Sends of one command, the first included, before the purchase stops waiting. */
    PURCHASE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  })
  .superRefine(requireInfrastructureInProduction())
  .superRefine(refusePublishedSecretsInProduction());

export type TradingConfig = z.infer<typeof schema>;

/** Trading's settings, from the environment; throws naming every bad variable. */
export function loadTradingConfig(env?: Record<string, string | undefined>): TradingConfig {
  return loadConfig(schema, env);
}
