import { loadCatalogConfig } from './config.ts';
import { start } from './server.ts';

try {
  const catalog = await start(loadCatalogConfig());
  const stop = () => void catalog.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`catalog failed to start: ${String(error)}\n`);
  process.exit(1);
}
