import { describe, expect, it } from 'vitest';
import type { EventBus, Message, Subscription } from '../../src/bus/EventBus.ts';
import { InProcessBus } from '../../src/bus/InProcessBus.ts';
import { Outbox } from '../../src/bus/Outbox.ts';
import { OutboxRelay } from '../../src/bus/OutboxRelay.ts';
import { UnitOfWork } from '../../src/bus/UnitOfWork.ts';
import type { Document } from '../../src/store/DocumentStore.ts';
import { EmbeddedStore } from '../../src/store/EmbeddedStore.ts';
import { aMessage, eventually, sleep, testLogger } from '../busTestKit.ts';

/** A bus that records what it confirmed and fails the publishes it is told to. */
class RecordingBus implements EventBus {
  readonly confirmed: Message[] = [];
  publishCalls = 0;
  failNext = 0;
  delayMs = 0;

  async publish(messages: readonly Message[]): Promise<void> {
    this.publishCalls += 1;
    if (this.delayMs > 0) await sleep(this.delayMs);
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('broker unavailable');
    }
    this.confirmed.push(...messages);
  }
  async subscribe<T>(subscription: Subscription<T>): Promise<string> {
    return subscription.name;
  }
  isConnected(): boolean {
    return true;
  }
  async stopConsuming(): Promise<void> {}
  async close(): Promise<void> {}
}

interface Account extends Document {
  balance: number;
}

function setUp(bus: EventBus, pollIntervalMs = 50) {
  const store = new EmbeddedStore({ database: 'outbox-test' });
  const outbox = new Outbox(store);
  const relay = new OutboxRelay({ outbox, bus, logger: testLogger, pollIntervalMs });
  const unitOfWork = new UnitOfWork({ store, outbox, relay });
  return { store, outbox, relay, unitOfWork, accounts: store.collection<Account>('accounts') };
}

describe('transactional outbox', () => {
  it('publishes a committed change right after commit, and empties the outbox', async () => {
    const bus = new RecordingBus();
    const { relay, unitOfWork, accounts } = setUp(bus, 60_000); // no poll: the notify must do it
    await relay.start();
    const opened = aMessage().withType('bank.account.opened').build();
    const result = await unitOfWork.run(async (session, record) => {
      await accounts.insertOne({ _id: 'a1', balance: 10 }, { session });
      record(opened);
      return 'ok';
    });
    expect(result).toBe('ok');
    await eventually('publish', () => bus.confirmed.length === 1);
    expect(bus.confirmed[0]).toEqual(opened);
    await eventually('empty outbox', async () => (await relay.pendingCount()) === 0);
    await relay.stop();
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const bus = new RecordingBus();
    const { relay, unitOfWork, accounts, outbox } = setUp(bus);
    await relay.start();
    await expect(
      unitOfWork.run(async (session, record) => {
        await accounts.insertOne({ _id: 'a1', balance: 10 }, { session });
        record(aMessage().build());
        throw new Error('invariant violated');
      }),
    ).rejects.toThrow('invariant violated');
    await relay.flush();
    await sleep(120); // two polls
    expect(bus.publishCalls).toBe(0);
    expect(await outbox.collection.countDocuments({})).toBe(0);
    expect(await accounts.findOne({ _id: 'a1' })).toBeNull();
    await relay.stop();
  });

  it('keeps messages after a failed publish and re-sends them on the next poll, in order', async () => {
    const bus = new RecordingBus();
    bus.failNext = 2;
    const { relay, unitOfWork } = setUp(bus);
    await relay.start();
    const messages = Array.from({ length: 5 }, (_, n) => aMessage().withPayload({ n }).build());
    for (const message of messages) {
      await unitOfWork.run(async (_session, record) => record(message));
    }
    await eventually('re-sent', () => bus.confirmed.length === 5, { timeoutMs: 5000 });
    expect(bus.publishCalls).toBeGreaterThanOrEqual(3);
    expect(bus.confirmed.map((m) => m.payload)).toEqual(messages.map((m) => m.payload));
    expect(await relay.pendingCount()).toBe(0);
    await relay.stop();
  });

  it('reports the backlog while the bus is failing', async () => {
    const bus = new RecordingBus();
    bus.failNext = Number.POSITIVE_INFINITY;
    const { relay, unitOfWork, outbox } = setUp(bus);
    await relay.start();
    await unitOfWork.run(async (_session, record) =>
      record(aMessage().build(), aMessage().build()),
    );
    await eventually('a failed attempt', () => bus.publishCalls >= 1);
    await relay.stop();
    expect(await relay.pendingCount()).toBe(2);
    const records = await outbox.collection.find({}).toArray();
    expect(records.every((r) => r.lastError === 'broker unavailable')).toBe(true);
  });

  it('stop() waits for the batch being published', async () => {
    const bus = new RecordingBus();
    bus.delayMs = 80;
    const { relay, unitOfWork } = setUp(bus);
    await relay.start();
    await unitOfWork.run(async (_session, record) => record(aMessage().build()));
    await eventually('publish started', () => bus.publishCalls === 1);
    await relay.stop();
    expect(bus.confirmed).toHaveLength(1);
    expect(await relay.pendingCount()).toBe(0);
  });

  it('lets two relays share one outbox without sending a message twice', async () => {
    const bus = new RecordingBus();
    bus.delayMs = 5;
    const { store, outbox, unitOfWork } = setUp(bus);
    const relays = [1, 2].map(
      () => new OutboxRelay({ outbox, bus, logger: testLogger, pollIntervalMs: 10, batchSize: 3 }),
    );
    for (let n = 0; n < 30; n += 1) {
      await unitOfWork.run(async (_session, record) => record(aMessage().build()));
    }
    await Promise.all(relays.map((relay) => relay.start()));
    await eventually(
      'all sent',
      async () => (await new Outbox(store).collection.countDocuments({})) === 0,
    );
    await Promise.all(relays.map((relay) => relay.stop()));
    const ids = bus.confirmed.map((m) => m.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('rejects an invalid message inside the transaction, rolling the change back', async () => {
    const bus = new RecordingBus();
    const { unitOfWork, accounts } = setUp(bus);
    await expect(
      unitOfWork.run(async (session, record) => {
        await accounts.insertOne({ _id: 'a2', balance: 1 }, { session });
        record({ ...aMessage().build(), type: '' });
      }),
    ).rejects.toThrow(/type/);
    expect(await accounts.findOne({ _id: 'a2' })).toBeNull();
  });

  it('delivers through the in-process bus end to end', async () => {
    const bus = new InProcessBus({ logger: testLogger });
    const { relay, unitOfWork } = setUp(bus);
    const received: string[] = [];
    await bus.subscribe({
      name: 'test.e2e',
      topics: ['test.#'],
      handler: async (message) => {
        received.push(message.id);
      },
    });
    await relay.start();
    const message = aMessage().build();
    await unitOfWork.run(async (_session, record) => record(message));
    await eventually('delivery', () => received.length === 1);
    expect(received).toEqual([message.id]);
    await relay.stop();
    await bus.close();
  });
});
