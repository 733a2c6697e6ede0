import { describe, expect, it } from 'vitest';
import { createBus } from '../../src/bus/createBus.ts';
import { deadLetters } from '../../src/bus/deadLetters.ts';
import type { DeliveryInfo, Message, RetryPolicy } from '../../src/bus/EventBus.ts';
import { RabbitMqBus } from '../../src/bus/RabbitMqBus.ts';
import { rabbitMqHeaders } from '../../src/bus/rabbitMqHeaders.ts';
import type { RabbitMqQueueType } from '../../src/bus/rabbitMqTopology.ts';
import { aMessage, eventually, sleep, testLogger, uniqueSuffix } from '../busTestKit.ts';
import { amqpUrl } from './busBrokerAdmin.ts';
import { BusTcpProxy } from './busTcpProxy.ts';
import { useBrokerSuite } from './useBrokerSuite.ts';

const fastRetry: RetryPolicy = { maxRetries: 2, initialDelayMs: 50 };
const queueTypes: RabbitMqQueueType[] = ['classic', 'quorum'];

// The same contract on both kinds of queue a shared subscription may have.
describe.each(queueTypes)('RabbitMqBus on %s queues', (queueType) => {
  const run = `${uniqueSuffix()}.${queueType}`;
  const exchange = `test.bus.${run}`;
  const broker = useBrokerSuite({
    exchange,
    retry: fastRetry, // also what queueName() cleans up after
    connectionName: `bus-test-${run}`,
    queueType,
  });
  const { connectBus } = broker;

  /** A raw queue bound to the test exchange: sees exactly what the bus put on the wire. */
  async function tap(topic: string): Promise<string> {
    const queue = `test.${run}.tap.${uniqueSuffix()}`;
    broker.admin.forgetQueue(queue);
    await broker.admin.channel.assertExchange(exchange, 'topic', { durable: true });
    // Exclusive to the admin connection: RabbitMQ 4 refuses transient queues that are not.
    await broker.admin.channel.assertQueue(queue, { durable: false, exclusive: true });
    await broker.admin.channel.bindQueue(queue, exchange, topic);
    return queue;
  }

  function queueName(role: string, retry: RetryPolicy = fastRetry): string {
    const name = `test.${run}.${role}`;
    broker.admin.forgetSubscription(name, retry);
    return name;
  }

  it('rejects connect() when the broker cannot be reached', async () => {
    const unreachable = await BusTcpProxy.start(amqpUrl);
    unreachable.refuse = true;
    try {
      await expect(
        RabbitMqBus.connect({
          url: unreachable.urlFor(amqpUrl),
          logger: testLogger,
          connectTimeoutMs: 500,
          reconnectDelayMs: 100,
        }),
      ).rejects.toThrow(/not reachable/);
    } finally {
      await unreachable.close();
    }
  });

  it('is what createBus() returns when an AMQP URL is configured', async () => {
    const bus = await createBus({ amqpUrl, exchange, queueType, logger: testLogger });
    try {
      expect(bus).toBeInstanceOf(RabbitMqBus);
      expect(bus.isConnected()).toBe(true);
    } finally {
      await bus.close();
    }
  });

  it('publishes persistent JSON messages with id, type, timestamp and headers', async () => {
    const bus = await connectBus();
    const queue = await tap('test.wire.#');
    const message = aMessage()
      .withType('test.wire.checked')
      .withPayload({ price: 30, tags: ['a'] })
      .withHeaders({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' })
      .build();
    await bus.publish([message]);

    const got = await broker.admin.take(queue);
    if (got === false) throw new Error('the confirmed message is not in the queue');
    expect(JSON.parse(got.content.toString('utf8'))).toEqual(message);
    expect(got.fields.routingKey).toBe('test.wire.checked');
    expect(got.properties).toMatchObject({
      messageId: message.id,
      type: message.type,
      contentType: 'application/json',
      deliveryMode: 2,
      timestamp: Math.floor(Date.parse(message.occurredAt) / 1000),
      headers: { traceparent: message.headers?.['traceparent'] },
    });
  });

  it('resolves publish() only once the broker has confirmed, and rejects without a confirm', async () => {
    const bus = await connectBus({ url: broker.proxy.urlFor(amqpUrl), publishTimeoutMs: 1500 });
    const queue = await tap('test.confirm.#');
    broker.proxy.holdReplies(); // the broker's basic.ack frames stop short of the client
    let settled = false;
    const publishing = bus.publish([aMessage().withType('test.confirm.held').build()]);
    void publishing.then(
      () => (settled = true),
      () => (settled = true),
    );
    await eventually(
      'the message reaching the broker',
      async () => (await broker.admin.messageCount(queue)) === 1,
    );
    await sleep(300);
    expect(settled).toBe(false);
    broker.proxy.releaseReplies();
    await publishing;

    broker.proxy.holdReplies();
    const unconfirmed = bus.publish([aMessage().withType('test.confirm.lost').build()]);
    await expect(unconfirmed).rejects.toThrow(/not confirmed/);
    broker.proxy.releaseReplies();
  });

  it('delivers to subscribers by topic, each subscription getting its own copy', async () => {
    const bus = await connectBus();
    const received: Record<string, Message[]> = { prices: [], everything: [] };
    await bus.subscribe({
      name: queueName('prices'),
      topics: ['test.item.*'],
      handler: async (message) => void received['prices']?.push(message),
    });
    await bus.subscribe({
      name: queueName('everything'),
      topics: ['test.#'],
      handler: async (message) => void received['everything']?.push(message),
    });
    const updated = aMessage().withType('test.item.updated').build();
    const created = aMessage().withType('test.user.created').build();
    await bus.publish([updated, created]);
    await eventually('deliveries', () => received['everything']?.length === 2);
    await eventually('price delivery', () => received['prices']?.length === 1);
    expect(received['prices']).toEqual([updated]);
    expect(received['everything']?.map((m) => m.id).sort()).toEqual(
      [updated.id, created.id].sort(),
    );
  });

  it('shares a subscription between competing consumers: each message handled once', async () => {
    const busA = await connectBus();
    const busB = await connectBus();
    const name = queueName('workers');
    const handled: string[] = [];
    for (const bus of [busA, busB]) {
      await bus.subscribe({
        name,
        topics: ['test.work.#'],
        prefetch: 2,
        handler: async (message) => {
          await sleep(5);
          handled.push(message.id);
        },
      });
    }
    const messages = Array.from({ length: 20 }, () =>
      aMessage().withType('test.work.todo').build(),
    );
    await busA.publish(messages);
    await eventually('all handled', () => handled.length === 20);
    await sleep(100);
    expect(handled.sort()).toEqual(messages.map((m) => m.id).sort());
  });

  it('retries with backoff and then dead-letters with the attempt count and last error', async () => {
    const bus = await connectBus();
    const name = queueName('always_fails');
    const deliveries: DeliveryInfo[] = [];
    let healthy = false;
    await bus.subscribe({
      name,
      topics: ['test.poison.#'],
      retry: fastRetry,
      handler: async (_message, info) => {
        deliveries.push(info);
        if (!healthy) throw new Error(`boom on attempt ${info.attempt}`);
      },
    });
    const message = aMessage().withType('test.poison.pill').build();
    await bus.publish([message]);

    const deadLetterQueue = `dead_letter.${name}`;
    await eventually(
      'the dead letter',
      async () => (await broker.admin.messageCount(deadLetterQueue)) === 1,
    );
    expect(deliveries.map((d) => d.attempt)).toEqual([0, 1, 2]);
    expect(await broker.admin.messageCount(name)).toBe(0);

    // Read it the way an operator would, with a raw channel, and put it back.
    const got = await broker.admin.channel.get(deadLetterQueue, { noAck: false });
    if (got === false) throw new Error('dead-letter queue is empty');
    expect(JSON.parse(got.content.toString('utf8'))).toEqual(message);
    expect(got.properties.messageId).toBe(message.id);
    expect(got.properties.headers).toMatchObject({
      [rabbitMqHeaders.attempts]: 3,
      [rabbitMqHeaders.lastError]: 'Error: boom on attempt 2',
      [rabbitMqHeaders.deadLetterReason]: 'retries-exhausted',
      [rabbitMqHeaders.originalRoutingKey]: 'test.poison.pill',
    });
    broker.admin.channel.nack(got, false, true);

    // The CLI lists without consuming...
    const lines: string[] = [];
    expect(await deadLetters(['list', name], { url: amqpUrl, write: (l) => lines.push(l) })).toBe(
      0,
    );
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      expect.objectContaining({ messageId: message.id, attempts: 3, body: message }),
      { queue: deadLetterQueue, listed: 1 },
    ]);
    await eventually(
      'the dead letter back',
      async () => (await broker.admin.messageCount(deadLetterQueue)) === 1,
    );

    // ...and replays to the subscriber's queue with a fresh attempt count.
    healthy = true;
    lines.length = 0;
    expect(await deadLetters(['replay', name], { url: amqpUrl, write: (l) => lines.push(l) })).toBe(
      0,
    );
    expect(JSON.parse(lines[0] ?? '{}')).toEqual({
      queue: name,
      from: deadLetterQueue,
      replayed: 1,
    });
    await eventually('the replayed delivery', () => deliveries.length === 4);
    expect(deliveries[3]?.attempt).toBe(0);
    expect(await broker.admin.messageCount(deadLetterQueue)).toBe(0);
  });

  it('does not hold a short retry behind a long one', async () => {
    const bus = await connectBus();
    const retry = { maxRetries: 3, initialDelayMs: 200 };
    const name = queueName('mixed_delays', retry);
    const order: string[] = [];
    await bus.subscribe({
      name,
      topics: ['test.mixed.#'],
      retry,
      handler: async (message, { attempt }) => {
        const role = (message.payload as { role: string }).role;
        order.push(`${role}@${attempt}`);
        // `slow` fails twice (its second retry waits 400 ms), `fast` fails once (200 ms).
        if (role === 'slow' && attempt < 2) throw new Error('again');
        if (role === 'fast' && attempt < 1) throw new Error('again');
      },
    });
    await bus.publish([aMessage().withType('test.mixed.a').withPayload({ role: 'slow' }).build()]);
    await eventually('slow in its second retry', () => order.includes('slow@1'));
    await bus.publish([aMessage().withType('test.mixed.b').withPayload({ role: 'fast' }).build()]);
    await eventually('both done', () => order.includes('slow@2') && order.includes('fast@1'));
    expect(order.indexOf('fast@1')).toBeLessThan(order.indexOf('slow@2'));
  });

  it('dead-letters a message that is not a valid Message straight away', async () => {
    const bus = await connectBus();
    const name = queueName('strict');
    let calls = 0;
    await bus.subscribe({
      name,
      topics: ['test.garbage.#'],
      retry: fastRetry,
      handler: async () => void (calls += 1),
    });
    broker.admin.channel.publish(exchange, 'test.garbage.text', Buffer.from('not json'));
    broker.admin.channel.publish(exchange, 'test.garbage.shape', Buffer.from('{"id":"x"}'));
    const deadLetterQueue = `dead_letter.${name}`;
    await eventually(
      'two dead letters',
      async () => (await broker.admin.messageCount(deadLetterQueue)) === 2,
    );
    const reasons: unknown[] = [];
    for (
      let got = await broker.admin.take(deadLetterQueue);
      got;
      got = await broker.admin.take(deadLetterQueue)
    ) {
      reasons.push(got.properties.headers?.[rabbitMqHeaders.deadLetterReason]);
      expect(got.properties.headers?.[rabbitMqHeaders.attempts]).toBe(1);
    }
    expect(reasons).toEqual(['malformed', 'malformed']);
    expect(calls).toBe(0);
  });

  it('close() waits for handlers in flight and acks their messages', async () => {
    const bus = await RabbitMqBus.connect({
      url: amqpUrl,
      logger: testLogger,
      exchange,
      retry: fastRetry,
      queueType,
    });
    const name = queueName('slow');
    let started = 0;
    let finished = 0;
    await bus.subscribe({
      name,
      topics: ['test.slow.#'],
      prefetch: 3,
      handler: async () => {
        started += 1;
        await sleep(300);
        finished += 1;
      },
    });
    await bus.publish(
      Array.from({ length: 3 }, () => aMessage().withType('test.slow.job').build()),
    );
    await eventually('handlers running', () => started === 3);
    await bus.close();
    expect(finished).toBe(3);
    expect(bus.isConnected()).toBe(false);
    // A quorum queue forgets a closed connection's consumer a moment after the close; by then
    // it would also have put back any message left unacknowledged.
    await eventually(
      'no consumer left on the queue',
      async () => (await broker.admin.channel.checkQueue(name)).consumerCount === 0,
      { timeoutMs: 5_000 },
    );
    expect((await broker.admin.channel.checkQueue(name)).messageCount).toBe(0);
    await expect(bus.publish([aMessage().build()])).rejects.toThrow(/closed/);
  });

  it('declares its queue again and resumes when the queue is deleted under it', async () => {
    const bus = await connectBus();
    const name = queueName('phoenix');
    const received: string[] = [];
    await bus.subscribe({
      name,
      topics: ['test.phoenix.#'],
      handler: async (message) => void received.push(message.id),
    });
    await broker.admin.channel.deleteQueue(name);
    // Only looks: the bus itself must declare the queue again. (On RabbitMQ 3.10, a quorum queue
    // deleted and at once declared anew by someone else keeps the old consumer, which then gets
    // nothing and is never cancelled.)
    await eventually(
      'the queue declared again',
      async () => (await broker.admin.consumerCount(name)) === 1,
    );
    const message = aMessage().withType('test.phoenix.risen').build();
    await bus.publish([message]);
    await eventually('delivery', () => received.includes(message.id));
  });

  it('reconnects after the connection drops and resumes publishing and consuming', async () => {
    const bus = await connectBus({ url: broker.proxy.urlFor(amqpUrl) });
    const name = queueName('survivor');
    const received: string[] = [];
    await bus.subscribe({
      name,
      topics: ['test.survive.#'],
      handler: async (message) => void received.push(message.id),
    });
    const before = aMessage().withType('test.survive.before').build();
    await bus.publish([before]);
    await eventually('first delivery', () => received.includes(before.id));

    broker.proxy.refuse = true;
    broker.proxy.dropConnections();
    await eventually('disconnected', () => !bus.isConnected());
    const after = aMessage().withType('test.survive.after').build();
    const publishing = bus.publish([after]); // waits for the reconnection
    await sleep(300);
    broker.proxy.refuse = false;
    await publishing;
    await eventually('reconnected', () => bus.isConnected());
    await eventually('delivery after reconnect', () => received.includes(after.id));
  });
});
