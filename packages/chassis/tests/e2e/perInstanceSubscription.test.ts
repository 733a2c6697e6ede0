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
  const publisher = await connectBus();
  const instances: Record<string, RabbitMqBus> = {};
  const queues: Record<string, string> = {};
  for (const key of ['a', 'b'] as const) {
    instances[key] = await connectBus();
    queues[key] = await instances[key].subscribe({
      name: `test.${run}.instance`,
      delivery: 'perInstance',
      retry,
      topics: ['catalog.item.*'],
      expiresAfterMs: 1500,
      handler: async (message) => {
        received[key]?.push(message);
      },
    });
  }
  expect(queues['a']).not.toBe(queues['b']);

  await publisher.publish([aMessage().withType('catalog.item.updated').build()]);
  await eventually('both instances to receive the message', () =>
    Object.values(received).every((messages) => messages.length === 1),
  );

  // Retried, so with retry and dead-letter twins, which expire with the queue.
  const topology = rabbitMqTopology(queues['a']!, retry);
  const twins = [
    topology.queue,
    topology.deadLetterQueue,
    ...topology.retryQueues.map((q) => q.queue),
  ];
  for (const queue of twins) expect(await queueExists(queue)).toBe(true);
  await instances['a']?.close();
  // A passive declare renews a queue's lease, so look only once, after the lease has run out.
  await sleep(4000);
  for (const queue of twins) expect(await queueExists(queue)).toBe(false);
  // Still consumed, so still there.
  expect(await queueExists(queues['b']!)).toBe(true);
});

it('retries through its own retry queue even after that queue sat unused past its expiry', async () => {
  const attempts: number[] = [];
  const publisher = await connectBus();
  const instance = await connectBus();
  await instance.subscribe({
    name: `test.${run}.instance.retry`,
    delivery: 'perInstance',
    retry,
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
