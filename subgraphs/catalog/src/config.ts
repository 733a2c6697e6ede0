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
    CATALOG_PORT: port(4001),
    CATALOG_HOST: z.string().min(1).default('0.0.0.0'),
    /** Database name, on MongoDB or in the embedded engine. */
    CATALOG_DATABASE: z.string().min(1).default('catalog'),
  })
  .superRefine(requireInfrastructureInProduction())
  .superRefine(refusePublishedSecretsInProduction());

export type CatalogConfig = z.infer<typeof schema>;

/** The catalog's settings, from the environment; throws naming every bad variable. */
export function loadCatalogConfig(env?: Record<string, string | undefined>): CatalogConfig {
  return loadConfig(schema, env);
}
