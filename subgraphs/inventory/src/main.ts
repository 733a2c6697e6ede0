import { loadInventoryConfig } from './config.ts';
import { start } from './server.ts';

try {
  const inventory = await start(loadInventoryConfig());
  const stop = () => void inventory.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`inventory failed to start: ${String(error)}\n`);
  process.exit(1);
}
