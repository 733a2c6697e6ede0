import { createLogger, shutdownOnSignals } from '@play-economy/chassis';
import { loadIdentityConfig } from './config.ts';
import { start } from './server.ts';

try {
  const config = loadIdentityConfig();
  const identity = await start(config);
  shutdownOnSignals({
    logger: createLogger({ service: 'identity', level: config.LOG_LEVEL }),
    stop: () => identity.stop(),
  });
} catch (error) {
  process.stderr.write(`identity failed to start: ${String(error)}\n`);
  process.exit(1);
}
