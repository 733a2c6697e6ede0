import { createLogger, shutdownOnSignals } from '@play-economy/chassis';
import { loadInventoryConfig } from './config.ts';
import { start } from './server.ts';

try {
  const config = loadInventoryConfig();
  const inventory = await start(config);
  shutdownOnSignals({
    logger: createLogger({ service: 'inventory', level: config.LOG_LEVEL }),
    stop: () => inventory.stop(),
  });
} catch (error) {
  process.stderr.write(`inventory failed to start: ${String(error)}\n`);
  process.exit(1);
}
