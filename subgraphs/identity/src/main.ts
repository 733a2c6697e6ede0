import { loadIdentityConfig } from './config.ts';
import { start } from './server.ts';

try {
  const identity = await start(loadIdentityConfig());
  const stop = () => void identity.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`identity failed to start: ${String(error)}\n`);
  process.exit(1);
}
