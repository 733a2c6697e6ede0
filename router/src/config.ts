import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import {
  infrastructureConfig,
  loadConfig,
  logLevel,
  port,
  routerSecretConfig,
  routerSecretOf,
  z,
} from '@play-economy/chassis';
import type { LandingPage } from './createRouter.ts';
import { parseSubgraphUrls } from './subgraphs/parseSubgraphUrls.ts';

/** This repository's composed supergraph, found from the router package, not the cwd. */
const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(
  new URL('../../schema/supergraph.graphql', import.meta.url),
);

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const routerEnv = z
  .object({
    ROUTER_PORT: port(4000),
    ROUTER_HOST: z.string().min(1).default('0.0.0.0'),
    SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
    /** `name=url,name=url`: routing URLs replacing the compose-time ones. */
    SUBGRAPH_URLS: z
      .string()
      .default('')
      .transform((value, context) => {
        try {
          return parseSubgraphUrls(value);
        } catch (error) {
          context.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    NODE_ENV: infrastructureConfig.NODE_ENV,
    LOG_LEVEL: logLevel(),
    /** Defaults to on, except in production. */
    INTROSPECTION: flag.optional(),
    ...routerSecretConfig,
  })
  .transform((env) => {
    const production = env.NODE_ENV === 'production';
    const landingPage: LandingPage = production ? 'production' : 'sandbox';
    return {
      port: env.ROUTER_PORT,
      host: env.ROUTER_HOST,
      supergraphPath: resolve(env.SUPERGRAPH_PATH),
      subgraphUrls: env.SUBGRAPH_URLS,
      nodeEnv: env.NODE_ENV,
      logLevel: env.LOG_LEVEL,
      introspection: env.INTROSPECTION ?? !production,
      landingPage,
      routerSecret: routerSecretOf(env),
    };
  });

export type RouterConfig = z.infer<typeof routerEnv>;

/** The router's settings from the environment; throws `ConfigError` naming each bad variable. */
export function loadRouterConfig(
  env: Record<string, string | undefined> = process.env,
): RouterConfig {
  return loadConfig(routerEnv, env);
}
