import { createLogger, shutdownOnSignals } from '@play-economy/chassis';
import { loadCatalogConfig } from './config.ts';
import { start } from './server.ts';

try {
  const config = loadCatalogConfig();
  const catalog = await start(config);
  shutdownOnSignals({
    logger: createLogger({ service: 'catalog', level: config.LOG_LEVEL }),
    stop: () => catalog.stop(),
  });
} catch (error) {
  process.stderr.write(`catalog failed to start: ${String(error)}\n`);
  process.exit(1);
}
