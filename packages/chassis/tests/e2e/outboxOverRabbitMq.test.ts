import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/bus/EventBus.ts';
import { Inbox } from '../../src/bus/Inbox.ts';
import { Outbox } from '../../src/bus/Outbox.ts';
import { OutboxRelay } from '../../src/bus/OutboxRelay.ts';
import { RabbitMqBus } from '../../src/bus/RabbitMqBus.ts';
import { UnitOfWork } from '../../src/bus/UnitOfWork.ts';
import type { Document } from '../../src/store/DocumentStore.ts';
import { EmbeddedStore } from '../../src/store/EmbeddedStore.ts';
import { aMessage, eventually, sleep, testLogger, uniqueSuffix } from '../busTestKit.ts';
import { amqpUrl, BusBrokerAdmin } from './busBrokerAdmin.ts';
import { BusTcpProxy } from './busTcpProxy.ts';

const run = uniqueSuffix();
const exchange = `test.outbox.${run}`;
const retry = { maxRetries: 3, initialDelayMs: 50 };

interface Order extends Document {
  status: string;
}

/** What a subscriber's handling did: once per message in effect, however often delivered. */
interface Effect extends Document {
  applied: number;
}

/**
 * A producing service and a consuming service, each with its own store, both speaking to the
 * real broker; the stores are embedded engines (the outbox/inbox contract is the store port's).
 */
async function twoServices(url: string, subscriber: string) {
  const producerStore = new EmbeddedStore({ database: `producer-${run}` });
  const consumerStore = new EmbeddedStore({ database: `consumer-${run}` });
  const bus = await RabbitMqBus.connect({
    url,
    logger: testLogger,
    exchange,
    reconnectDelayMs: 100,
    publishTimeoutMs: 3000,
    connectTimeoutMs: 5000,
  });
  const outbox = new Outbox(producerStore);
  const relay = new OutboxRelay({ outbox, bus, logger: testLogger, pollIntervalMs: 100 });
  const producer = new UnitOfWork({ store: producerStore, outbox, relay });
  const consumer = new UnitOfWork({
    store: consumerStore,
    outbox: new Outbox(consumerStore),
    inbox: new Inbox(consumerStore),
  });
  const effects = consumerStore.collection<Effect>('effects');
  const deliveries: string[] = [];
  await bus.subscribe({
    name: subscriber,
    topics: ['test.order.*'],
    retry,
    handler: async (message: Message) => {
      deliveries.push(message.id);
      await consumer.handleOnce(subscriber, message, async (session) => {
        await effects.updateOne(
          { _id: message.id },
          { $inc: { applied: 1 } },
          { session, upsert: true },
        );
      });
    },
  });
  await relay.start();
  return {
    bus,
    relay,
    producer,
    orders: producerStore.collection<Order>('orders'),
    effects,
    deliveries,
    async stop() {
      await relay.stop();
      await bus.close();
    },
  };
}

describe('outbox and inbox over RabbitMQ', () => {
  let admin: BusBrokerAdmin;
  let stop: (() => Promise<void>) | undefined;

  function subscriberName(role: string): string {
    const name = `test.${run}.${role}`;
    admin.forgetSubscription(name, retry);
    return name;
  }

  let brokerUnreachable: unknown;

  beforeAll(async () => {
    try {
      admin = await BusBrokerAdmin.connect();
    } catch (error) {
      brokerUnreachable = error;
      return;
    }
    admin.forgetExchange(exchange);
  });

  beforeEach(() => {
    // Without the broker every test fails (rather than being skipped with the suite).
    if (brokerUnreachable !== undefined) {
      throw new Error('RabbitMQ is required at AMQP_URL', { cause: brokerUnreachable });
    }
  });

  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  afterAll(async () => {
    await admin?.cleanUp();
  });

  it('applies an event recorded with a committed change once, even when delivered twice', async () => {
    const services = await twoServices(amqpUrl, subscriberName('exactly_once'));
    stop = services.stop;
    const placed = aMessage().withType('test.order.placed').withPayload({ orderId: 'o1' }).build();

    await services.producer.run(async (session, record) => {
      await services.orders.insertOne({ _id: 'o1', status: 'PLACED' }, { session });
      record(placed);
    });
    await eventually('first delivery', () => services.deliveries.length === 1);
    // The relay crashed before marking it sent, say: the same message goes out again.
    await services.bus.publish([placed]);
    await eventually('second delivery', () => services.deliveries.length === 2);

    expect(services.deliveries).toEqual([placed.id, placed.id]);
    expect(await services.effects.find({}).toArray()).toEqual([{ _id: placed.id, applied: 1 }]);
    expect(await services.relay.pendingCount()).toBe(0);
  });

  it('publishes nothing when the transaction rolls back', async () => {
    const services = await twoServices(amqpUrl, subscriberName('rolled_back'));
    stop = services.stop;
    const tap = `test.${run}.rollback_tap`;
    admin.forgetQueue(tap);
    await admin.channel.assertQueue(tap, { durable: false });
    await admin.channel.bindQueue(tap, exchange, 'test.order.*');

    await expect(
      services.producer.run(async (session, record) => {
        await services.orders.insertOne({ _id: 'o2', status: 'PLACED' }, { session });
        record(aMessage().withType('test.order.placed').build());
        throw new Error('out of stock');
      }),
    ).rejects.toThrow('out of stock');
    await services.relay.flush();
    await sleep(300); // three polls

    expect(await admin.messageCount(tap)).toBe(0);
    expect(services.deliveries).toEqual([]);
    expect(await services.orders.findOne({ _id: 'o2' })).toBeNull();
    expect(await services.relay.pendingCount()).toBe(0);
  });

  it('loses nothing when the connection is cut mid-stream: every event applied exactly once', async () => {
    const proxy = await BusTcpProxy.start(amqpUrl);
    const services = await twoServices(proxy.urlFor(amqpUrl), subscriberName('survivor'));
    stop = async () => {
      await services.stop();
      await proxy.close();
    };
    const total = 60;
    const ids: string[] = [];
    const connectionsBefore = proxy.accepted;

    for (let n = 0; n < total; n += 1) {
      const message = aMessage().withType('test.order.placed').withPayload({ n }).build();
      ids.push(message.id);
      await services.producer.run(async (session, record) => {
        await services.orders.insertOne({ _id: `order-${n}`, status: 'PLACED' }, { session });
        record(message);
      });
      if (n === 20) proxy.dropConnections(); // a network blip
      if (n === 40) {
        await eventually('reconnection after the blip', () => services.bus.isConnected());
        // A longer outage: the broker is unreachable for a while.
        proxy.refuse = true;
        proxy.dropConnections();
        setTimeout(() => (proxy.refuse = false), 500);
      }
      await sleep(5);
    }

    await eventually(
      'every event applied',
      async () => (await services.effects.countDocuments({})) === total,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    await eventually('an empty outbox', async () => (await services.relay.pendingCount()) === 0);
    const effects = await services.effects.find({}).toArray();
    expect(effects.map((e) => e._id).sort()).toEqual([...ids].sort());
    expect(effects.every((e) => e.applied === 1)).toBe(true);
    expect(new Set(services.deliveries)).toEqual(new Set(ids));
    // Both consumer and publisher channels share one connection: one accept per reconnection.
    expect(proxy.accepted - connectionsBefore).toBeGreaterThanOrEqual(2);
    expect(services.bus.isConnected()).toBe(true);
  });
});
