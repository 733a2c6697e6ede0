/**
 * Child process of the subscription benchmark: catalog, identity and inventory in one process
 * on a shared in-process bus (embedded mode), each on the port its `*_PORT` variable names, and
 * a control endpoint on `BENCH_CONTROL_PORT` (127.0.0.1): `POST /publish` with
 * `{ events: [{ userId, itemId, quantity, delta }] }` puts one `inventory.changed` per event on
 * the bus in one batch and answers the wall-clock time (ms, sub-ms precision) it did so.
 */
import { createServer } from 'node:http';
import { start as startCatalog } from '@play-economy/catalog';
import { loadCatalogConfig } from '@play-economy/catalog/config';
import { createLogger, createMessage, InProcessBus } from '@play-economy/chassis';
import { start as startIdentity } from '@play-economy/identity';
import { loadIdentityConfig } from '@play-economy/identity/config';
import { start as startInventory } from '@play-economy/inventory';
import { loadInventoryConfig } from '@play-economy/inventory/config';

interface PublishRequest {
  events: { userId: string; itemId: string; quantity: number; delta: number }[];
}

const bus = new InProcessBus({ logger: createLogger({ service: 'bus', level: 'warn' }) });
const catalog = await startCatalog(loadCatalogConfig(), { bus });
const identity = await startIdentity(loadIdentityConfig(), { bus });
const inventory = await startInventory(loadInventoryConfig(), { bus });

const control = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/publish') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    const { events } = JSON.parse(body) as PublishRequest;
    const messages = events.map((event) =>
      createMessage('inventory.changed', { ...event, cause: 'admin-grant' }),
    );
    const publishedAt = performance.timeOrigin + performance.now();
    bus.publish(messages).then(
      () =>
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ publishedAt })),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
});
control.listen(Number(process.env['BENCH_CONTROL_PORT']), '127.0.0.1');

const stop = async () => {
  control.close();
  await inventory.stop();
  await identity.stop();
  await catalog.stop();
  await bus.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
