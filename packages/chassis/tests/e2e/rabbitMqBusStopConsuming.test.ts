import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../src/bus/EventBus.ts';
import { aGate } from '../busGate.ts';
import { aMessage, eventually, sleep, uniqueSuffix } from '../busTestKit.ts';
import { amqpUrl } from './busBrokerAdmin.ts';
import { useBrokerSuite } from './useBrokerSuite.ts';

const run = uniqueSuffix();
const exchange = `test.stop.${run}`;
const retry: RetryPolicy = { maxRetries: 1, initialDelayMs: 50 };

describe('RabbitMqBus.stopConsuming', () => {
  const broker = useBrokerSuite({ exchange, retry, connectionName: `stop-test-${run}` });
  const { connectBus } = broker;

  function queueName(role: string): string {
    const name = `test.${run}.${role}`;
    broker.admin.forgetSubscription(name, retry);
    return name;
  }

  it('cancels the consumer, awaits the handler in flight and acks it; later messages wait in the queue while publishing goes on', async () => {
    const bus = await connectBus();
    const name = queueName('held');
    const gate = aGate();
    const started: string[] = [];
    const finished: string[] = [];
    await bus.subscribe({
      name,
      topics: ['test.held.#'],
      handler: async (message) => {
        started.push(message.id);
        await gate.passed;
        finished.push(message.id);
      },
    });
    const first = aMessage().withType('test.held.first').build();
    await bus.publish([first]);
    await eventually('the first delivery to start', () => started.length === 1);

    let stopped = false;
    const stopping = bus.stopConsuming().then(() => {
      stopped = true;
    });
    await eventually(
      'the consumer to be cancelled',
      async () => (await broker.admin.channel.checkQueue(name)).consumerCount === 0,
    );
    expect(stopped).toBe(false);
    // Published while the handler is in flight: confirmed, and left in the queue for later.
    await bus.publish([aMessage().withType('test.held.second').build()]);

    gate.open();
    await stopping;
    expect(finished).toEqual([first.id]);
    await bus.publish([aMessage().withType('test.held.third').build()]);
    await sleep(100);
    expect(started).toEqual([first.id]);
    // The first was acked; the other two wait for the next consumer.
    expect(await broker.admin.channel.checkQueue(name)).toMatchObject({
      messageCount: 2,
      consumerCount: 0,
    });
    expect(bus.isConnected()).toBe(true);
    await expect(
      bus.subscribe({ name, topics: ['test.held.#'], handler: async () => undefined }),
    ).rejects.toThrow(/stopped consuming/);

    await bus.close();
    expect(bus.isConnected()).toBe(false);
  });

  it('stays stopped across a reconnection, which resumes publishing only', async () => {
    const bus = await connectBus({ url: broker.proxy.urlFor(amqpUrl) });
    const name = queueName('reconnected');
    const handled: string[] = [];
    await bus.subscribe({
      name,
      topics: ['test.reconnected.#'],
      handler: async (message) => {
        handled.push(message.id);
      },
    });
    await bus.stopConsuming();
    broker.proxy.dropConnections();
    await eventually('the disconnection to be noticed', () => !bus.isConnected());
    await eventually('the reconnection', () => bus.isConnected());
    await bus.publish([aMessage().withType('test.reconnected.after').build()]);
    await sleep(200);
    expect(handled).toEqual([]);
    expect(await broker.admin.channel.checkQueue(name)).toMatchObject({
      messageCount: 1,
      consumerCount: 0,
    });
  });
});
