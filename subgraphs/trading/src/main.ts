import { createLogger, shutdownOnSignals } from '@play-economy/chassis';
import { loadTradingConfig } from './config.ts';
import { start } from './server.ts';

try {
  const config = loadTradingConfig();
  const trading = await start(config);
  shutdownOnSignals({
    logger: createLogger({ service: 'trading', level: config.LOG_LEVEL }),
    stop: () => trading.stop(),
  });
} catch (error) {
  process.stderr.write(`trading failed to start: ${String(error)}\n`);
  process.exit(1);
}
