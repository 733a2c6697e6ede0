import { connect } from 'amqplib';
import { afterAll, expect, it } from 'vitest';
import type { Message } from '../../src/bus/EventBus.ts';
import { RabbitMqBus } from '../../src/bus/RabbitMqBus.ts';
import { rabbitMqTopology } from '../../src/bus/rabbitMqTopology.ts';
import { aMessage, eventually, sleep, testLogger, uniqueSuffix } from '../busTestKit.ts';
import { amqpUrl } from './busBrokerAdmin.ts';

const run = uniqueSuffix();
const exchange = `test.bus.${run}`;
const retry = { maxRetries: 1, initialDelayMs: 50 };
const buses: RabbitMqBus[] = [];

afterAll(async () => {
  for (const bus of buses) await bus.close();
  const connection = await connect(amqpUrl);
  const channel = await connection.createChannel();
  await channel.deleteExchange(exchange);
  await connection.close();
});

async function connectBus(): Promise<RabbitMqBus> {
  const bus = await RabbitMqBus.connect({ url: amqpUrl, logger: testLogger, exchange, retry });
  buses.push(bus);
  return bus;
}

/** Whether the broker has the queue now (a passive declare, on a channel of its own). */
async function queueExists(name: string): Promise<boolean> {
  const connection = await connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    await channel.checkQueue(name);
    return true;
  } catch {
    return false;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

it('gives each instance every message, and the broker deletes its queues once it is gone', async () => {
  const received: Record<string, Message[]> = { a: [], b: [] };
  const names = { a: `test.${run}.instance.a`, b: `test.${run}.instance.b` };
  const publisher = await connectBus();
  const instances: Record<string, RabbitMqBus> = {};
  for (const key of ['a', 'b'] as const) {
    instances[key] = await connectBus();
    await instances[key].subscribe({
      name: names[key],
      topics: ['catalog.item.*'],
      expiresAfterMs: 1500,
      handler: async (message) => {
        received[key]?.push(message);
      },
    });
  }

  await publisher.publish([aMessage().withType('catalog.item.updated').build()]);
  await eventually('both instances to receive the message', () =>
    Object.values(received).every((messages) => messages.length === 1),
  );

  const topology = rabbitMqTopology(names.a, retry);
  const queues = [
    topology.queue,
    topology.deadLetterQueue,
    ...topology.retryQueues.map((q) => q.queue),
  ];
  for (const queue of queues) expect(await queueExists(queue)).toBe(true);
  await instances['a']?.close();
  // A passive declare renews a queue's lease, so look only once, after the lease has run out.
  await sleep(4000);
  for (const queue of queues) expect(await queueExists(queue)).toBe(false);
  // Still consumed, so still there.
  expect(await queueExists(names.b)).toBe(true);
});

it('retries through its own retry queue even after that queue sat unused past its expiry', async () => {
  const name = `test.${run}.instance.retry`;
  const attempts: number[] = [];
  const publisher = await connectBus();
  const instance = await connectBus();
  await instance.subscribe({
    name,
    topics: ['catalog.item.*'],
    expiresAfterMs: 1000,
    handler: async (_message, { attempt }) => {
      attempts.push(attempt);
      if (attempt === 0) throw new Error('first delivery fails');
    },
  });
  // Nothing consumes the retry queue: left alone this long, the broker would have deleted it.
  await sleep(2500);
  await publisher.publish([aMessage().withType('catalog.item.deleted').build()]);
  await eventually('the retry to be delivered', () => attempts.includes(1));
  expect(attempts).toEqual([0, 1]);
});
