import { createLogger } from '@play-economy/chassis';
import type { RunningStack } from '@play-economy/local-stack';
import {
  createRouter,
  loadRouterConfig,
  type RouterOptions,
  type RunningRouter,
} from '../../src/index.ts';

/**
 * A router of its own, on a free loopback port, in front of a running stack's subgraphs and
 * verifying tokens against its identity: configured from the environment as `npm start` does,
 * then `options` on top.
 */
export function startRouterBeside(
  stack: RunningStack,
  options: Partial<RouterOptions> = {},
): Promise<RunningRouter> {
  const config = loadRouterConfig(process.env);
  return createRouter({
    ...config,
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: stack.subgraphUrls,
    auth: { ...config.auth, jwksUrl: stack.identity.jwksUrl },
    logger: createLogger({ service: 'router', level: 'warn' }),
    ...options,
  });
}
