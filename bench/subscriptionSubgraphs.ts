/**
 * Child process of the subscription benchmark: catalog, identity and inventory in one process
 * on a shared in-process bus (embedded mode), each started from its subgraph module by the
 * chassis's `startSubgraph` as the local stack starts them, on the port its `*_PORT` variable
 * names, and a control endpoint on `BENCH_CONTROL_PORT` (127.0.0.1): `POST /publish` with
 * `{ events: [{ userId, itemId, quantity, delta }] }` puts one `inventory.changed` per event on
 * the bus in one batch and answers the wall-clock time (ms, sub-ms precision) it did so.
 */
import { createServer } from 'node:http';
import { subgraph as catalogSubgraph } from '@play-economy/catalog';
import { createLogger, InProcessBus, messageOf, startSubgraph } from '@play-economy/chassis';
import { subgraph as identitySubgraph } from '@play-economy/identity';
import { subgraph as inventorySubgraph } from '@play-economy/inventory';
import { InventoryChanged } from '@play-economy/inventory/messages';

interface PublishRequest {
  events: { userId: string; itemId: string; quantity: number; delta: number }[];
}

const bus = new InProcessBus({ logger: createLogger({ service: 'bus', level: 'warn' }) });
// Trading is not started: nothing in the benchmark's documents reaches it.
const running = [
  await startSubgraph(catalogSubgraph, { config: catalogSubgraph.loadConfig(), bus }),
  await startSubgraph(identitySubgraph, { config: identitySubgraph.loadConfig(), bus }),
  await startSubgraph(inventorySubgraph, { config: inventorySubgraph.loadConfig(), bus }),
];

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
      messageOf(InventoryChanged, { ...event, cause: 'admin-grant' }),
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
  // As the local stack does: the shared bus stops delivering before any store closes.
  await bus.stopConsuming();
  for (const subgraph of running.reverse()) await subgraph.stop();
  await bus.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
