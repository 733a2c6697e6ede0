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
    INVENTORY_PORT: port(4003),
    INVENTORY_HOST: z.string().min(1).default('0.0.0.0'),
    /** Database name, on MongoDB or in the embedded engine. */
    INVENTORY_DATABASE: z.string().min(1).default('inventory'),
  })
  .superRefine(requireInfrastructureInProduction())
  .superRefine(refusePublishedSecretsInProduction());

export type InventoryConfig = z.infer<typeof schema>;

/** Inventory's settings, from the environment; throws naming every bad variable. */
export function loadInventoryConfig(env?: Record<string, string | undefined>): InventoryConfig {
  return loadConfig(schema, env);
}
