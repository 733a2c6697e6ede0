import { describe, expect, it } from 'vitest';
import { deadLetters } from '../../src/bus/deadLetters.ts';
import type { DeliveryInfo, RetryPolicy } from '../../src/bus/EventBus.ts';
import { rabbitMqQueueArguments, rabbitMqTopology } from '../../src/bus/rabbitMqTopology.ts';
import { aMessage, eventually, sleep, uniqueSuffix } from '../busTestKit.ts';
import { amqpUrl } from './busBrokerAdmin.ts';
import { useBrokerSuite } from './useBrokerSuite.ts';

const run = uniqueSuffix();
const exchange = `test.quorum.${run}`;
const retry: RetryPolicy = { maxRetries: 1, initialDelayMs: 50 };

describe('RabbitMqBus with quorum queues', () => {
  const broker = useBrokerSuite({
    exchange,
    retry,
    queueType: 'quorum',
    connectionName: `quorum-test-${run}`,
  });
  const { connectBus } = broker;

  function queueName(role: string): string {
    const name = `test.${run}.${role}`;
    broker.admin.forgetSubscription(name, retry);
    return name;
  }

  it('declares the queue, its retry path and dead letters as quorum queues', async () => {
    const bus = await connectBus({ deliveryLimit: 7 });
    const name = queueName('declared');
    await bus.subscribe({ name, topics: ['test.declared.#'], handler: async () => undefined });

    const topology = rabbitMqTopology(name, retry);
    const expected = rabbitMqQueueArguments(topology, {
      kind: 'shared',
      type: 'quorum',
      deliveryLimit: 7,
    });
    const declared: [string, Record<string, unknown>][] = [
      [topology.queue, expected.queue],
      [topology.deadLetterQueue, expected.deadLetterQueue],
      ...topology.retryQueues.map(({ queue, delayMs }): [string, Record<string, unknown>] => [
        queue,
        expected.retryQueue(delayMs),
      ]),
    ];
    for (const [queue, queueArguments] of declared) {
      // The broker finds the same declaration equivalent, and the same as a classic queue not.
      expect(
        await broker.admin.redeclareRefusal(queue, { durable: true, arguments: queueArguments }),
      ).toBeUndefined();
      expect(
        await broker.admin.redeclareRefusal(queue, {
          durable: true,
          arguments: { ...queueArguments, 'x-queue-type': 'classic' },
        }),
      ).toMatch(/PRECONDITION_FAILED - inequivalent arg 'x-queue-type'.*current is .*quorum/);
    }
    expect(
      await broker.admin.redeclareRefusal(name, {
        durable: true,
        arguments: { ...expected.queue, 'x-delivery-limit': 8 },
      }),
    ).toMatch(/inequivalent arg 'x-delivery-limit'/);
  });

  it('dead-letters a message whose consumer keeps dying with it, after the delivery limit', async () => {
    const deliveryLimit = 2;
    const bus = await connectBus({
      url: broker.proxy.urlFor(amqpUrl),
      deliveryLimit,
      // Handlers that hang are abandoned at close.
      inFlightTimeoutMs: 200,
    });
    const name = queueName('poison');
    const deliveries: DeliveryInfo[] = [];
    let handled = 0;
    await bus.subscribe({
      name,
      topics: ['test.poison.#'],
      handler: async (message, info) => {
        if (message.payload !== 'poison') {
          handled += 1;
          return;
        }
        deliveries.push(info);
        // Never settles, as a handler that crashes or wedges its process.
        await new Promise<never>(() => undefined);
      },
    });
    const poison = aMessage().withType('test.poison.pill').withPayload('poison').build();
    await bus.publish([poison]);

    const deadLetterQueue = `dead_letter.${name}`;
    for (let returned = 0; returned <= deliveryLimit; returned += 1) {
      await eventually(`delivery ${returned + 1}`, () => deliveries.length === returned + 1);
      // The consumer's connection dies with the message unsettled: the broker takes it back.
      broker.proxy.dropConnections();
      await eventually('reconnected', () => bus.isConnected());
    }
    await eventually(
      'the dead letter',
      async () => (await broker.admin.messageCount(deadLetterQueue)) === 1,
    );
    expect(deliveries.map((delivery) => delivery.redelivered)).toEqual([false, true, true]);
    await sleep(200);
    expect(deliveries).toHaveLength(deliveryLimit + 1);
    expect(await broker.admin.messageCount(name)).toBe(0);

    // The queue goes on with other work, and the dead letter is there for the operator.
    await bus.publish([aMessage().withType('test.poison.fine').build()]);
    await eventually('the next message handled', () => handled === 1);
    const lines: string[] = [];
    expect(await deadLetters(['list', name], { url: amqpUrl, write: (l) => lines.push(l) })).toBe(
      0,
    );
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      messageId: poison.id,
      reason: 'delivery_limit',
      body: poison,
    });
  });

  it('refuses to start on a classic queue of the same name, saying what to do', async () => {
    const name = queueName('upgraded');
    await broker.admin.channel.assertQueue(name, { durable: true });
    const bus = await connectBus();
    const subscribing = bus.subscribe({
      name,
      topics: ['test.upgraded.#'],
      handler: async () => undefined,
    });
    await expect(subscribing).rejects.toThrow(
      new RegExp(
        `queue ${name.replace(/\./g, '\\.')} exists on the broker with other arguments than this bus declares \\(quorum queues, delivery limit 20\\).*PRECONDITION_FAILED - inequivalent arg.*classic queue cannot become a quorum queue.*Moving to quorum queues`,
      ),
    );
    // The bus itself is fine: it publishes, and other subscriptions work.
    expect(bus.isConnected()).toBe(true);
    const received: string[] = [];
    await bus.subscribe({
      name: queueName('fresh'),
      topics: ['test.fresh.#'],
      handler: async (message) => void received.push(message.id),
    });
    const message = aMessage().withType('test.fresh.one').build();
    await bus.publish([message]);
    await eventually('delivery on the fresh quorum queue', () => received.includes(message.id));
  });
});
