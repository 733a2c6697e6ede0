import { loadTradingConfig } from './config.ts';
import { start } from './server.ts';

try {
  const trading = await start(loadTradingConfig());
  const stop = () => void trading.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`trading failed to start: ${String(error)}\n`);
  process.exit(1);
}
