import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, shutdownOnSignals } from '@play-economy/chassis/web';
import { loadRouterConfig } from './config.ts';
import { createRouter } from './createRouter.ts';

try {
  const { values } = parseArgs({ options: { supergraph: { type: 'string' } } });
  const config = loadRouterConfig();
  const logger = createLogger({ service: 'router', level: config.logLevel });
  const supergraphPath = values.supergraph ? resolve(values.supergraph) : config.supergraphPath;
  const router = await createRouter({ ...config, supergraphPath, logger });
  logger.info({ url: router.url, supergraphPath }, 'router ready');

  shutdownOnSignals({ logger, stop: () => router.stop() });
} catch (error) {
  // `err.message` carries the whole cause chain, e.g. "... : cannot read the file: ENOENT ...".
  createLogger({ service: 'router' }).fatal({ err: error }, 'router failed to start');
  process.exit(1);
}
