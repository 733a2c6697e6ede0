import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/bus/EventBus.ts';
import { aMessage, eventually, uniqueSuffix } from '../busTestKit.ts';
import { amqpUrl } from './busBrokerAdmin.ts';
import { useBrokerSuite } from './useBrokerSuite.ts';

const run = uniqueSuffix();
const exchange = `test.bus.instance.${run}`;

describe('RabbitMqBus perInstance delivery', () => {
  const broker = useBrokerSuite({ exchange, connectionName: `bus-instance-test-${run}` });
  const { connectBus } = broker;

  it('gives every instance every message; a failed one is dropped, not retried', async () => {
    const name = `test.${run}.notify`;
    const seen: Message[][] = [[], []];
    let failures = 0;
    for (const messages of seen) {
      const bus = await connectBus();
      await bus.subscribe({
        name,
        topics: ['test.#'],
        delivery: 'perInstance',
        handler: async (message) => {
          if (message.payload === 'bad') {
            failures += 1;
            throw new Error('cannot notify');
          }
          messages.push(message);
        },
      });
    }
    const publisher = await connectBus();
    await publisher.publish([aMessage().withPayload('bad').build()]);
    await publisher.publish([aMessage().withPayload('one').build(), aMessage().build()]);

    await eventually('both instances got both good messages', () =>
      seen.every((messages) => messages.length === 2),
    );
    expect(failures).toBe(2);
  });

  it('declares its queues durable and expiring, as RabbitMQ 4 requires, also beside quorum queues', async () => {
    for (const queueType of ['classic', 'quorum'] as const) {
      const bus = await connectBus({ queueType });
      const expiresAfterMs = 30_000;
      const queues = [
        await bus.subscribe({
          name: `test.${run}.durable_notify`,
          topics: ['test.#'],
          delivery: 'perInstance',
          expiresAfterMs,
          handler: async () => undefined,
        }),
        await bus.subscribe({
          name: `test.${run}.durable_evict`,
          topics: ['test.#'],
          delivery: 'perInstance',
          expiresAfterMs,
          retry: { maxRetries: 1, initialDelayMs: 50 },
          handler: async () => undefined,
        }),
      ];
      for (const queue of queues) {
        const classic = { 'x-queue-type': 'classic', 'x-expires': expiresAfterMs };
        // Equivalent to a durable classic queue with x-expires; a transient one is refused.
        expect(
          await broker.admin.redeclareRefusal(queue, { durable: true, arguments: classic }),
        ).toBeUndefined();
        expect(
          await broker.admin.redeclareRefusal(queue, { durable: false, arguments: classic }),
        ).toMatch(/inequivalent arg 'durable'/);
      }
    }
  });

  it('keeps what was published while an instance was reconnecting', async () => {
    const received: Message[] = [];
    const listener = await connectBus({ url: broker.proxy.urlFor(amqpUrl) });
    await listener.subscribe({
      name: `test.${run}.reconnecting`,
      topics: ['test.#'],
      delivery: 'perInstance',
      handler: async (message) => void received.push(message),
    });
    const publisher = await connectBus();
    broker.proxy.refuse = true;
    broker.proxy.dropConnections();
    await eventually('the listener noticed', () => !listener.isConnected());
    const during = aMessage().withPayload('while away').build();
    await publisher.publish([during]);
    broker.proxy.refuse = false;
    await eventually('the message published meanwhile', () =>
      received.some((message) => message.id === during.id),
    );
  });
});
