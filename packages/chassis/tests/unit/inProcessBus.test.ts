import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryInfo, Message } from '../../src/bus/EventBus.ts';
import { InProcessBus } from '../../src/bus/InProcessBus.ts';
import { aMessage, eventually, sleep, testLogger } from '../busTestKit.ts';

const fastRetry = { maxRetries: 2, initialDelayMs: 10 };

describe('InProcessBus', () => {
  let bus: InProcessBus;
  afterEach(async () => {
    await bus.close();
  });

  it('delivers matching messages asynchronously, never inside publish', async () => {
    bus = new InProcessBus({ logger: testLogger });
    const received: Message[] = [];
    let publishing = false;
    let deliveredDuringPublish = false;
    await bus.subscribe({
      name: 'test.items',
      topics: ['catalog.item.*'],
      handler: async (message) => {
        deliveredDuringPublish ||= publishing;
        received.push(message);
      },
    });
    const updated = aMessage().withType('catalog.item.updated').withPayload({ price: 3 }).build();
    publishing = true;
    const published = bus.publish([updated, aMessage().withType('identity.user.created').build()]);
    publishing = false;
    await published;
    expect(received).toEqual([]);

    await eventually('delivery', () => received.length === 1);
    expect(deliveredDuringPublish).toBe(false);
    expect(received[0]).toEqual(updated);
    await sleep(20);
    expect(received).toHaveLength(1);
  });

  it('hands each subscription its own copy, as it would arrive over the wire', async () => {
    bus = new InProcessBus({ logger: testLogger });
    const seen: unknown[] = [];
    for (const name of ['test.a', 'test.b']) {
      await bus.subscribe({
        name,
        topics: ['#'],
        handler: async (message) => {
          seen.push(message.payload);
          (message.payload as { at: unknown }).at = 'mutated';
        },
      });
    }
    const at = new Date('2030-01-01T00:00:00.000Z');
    await bus.publish([aMessage().withPayload({ at }).build()]);
    await eventually('both deliveries', () => seen.length === 2);
    // A Date becomes its JSON string, exactly as through RabbitMQ, and mutations do not leak.
    expect(seen.filter((p) => (p as { at: unknown }).at === 'mutated')).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
  });

  it('shares one subscription name between competing consumers: each message goes to one', async () => {
    bus = new InProcessBus({ logger: testLogger });
    const byConsumer = { first: [] as string[], second: [] as string[] };
    for (const consumer of ['first', 'second'] as const) {
      await bus.subscribe({
        name: 'test.workers',
        topics: ['test.#'],
        handler: async (message) => {
          byConsumer[consumer].push(message.id);
          await sleep(5);
        },
      });
    }
    const messages = Array.from({ length: 10 }, () => aMessage().build());
    await bus.publish(messages);
    await eventually(
      'all handled',
      () => byConsumer.first.length + byConsumer.second.length === 10,
    );
    await sleep(20);
    const all = [...byConsumer.first, ...byConsumer.second].sort();
    expect(all).toEqual(messages.map((m) => m.id).sort());
    expect(byConsumer.first.length).toBeGreaterThan(0);
    expect(byConsumer.second.length).toBeGreaterThan(0);
  });

  it('retries a failing handler with backoff, then succeeds', async () => {
    bus = new InProcessBus({ logger: testLogger });
    const deliveries: { info: DeliveryInfo; at: number }[] = [];
    await bus.subscribe({
      name: 'test.flaky',
      topics: ['#'],
      retry: { maxRetries: 3, initialDelayMs: 20 },
      handler: async (_message, info) => {
        deliveries.push({ info, at: Date.now() });
        if (info.attempt < 2) throw new Error('not yet');
      },
    });
    await bus.publish([aMessage().build()]);
    await eventually('third delivery', () => deliveries.length === 3);
    await sleep(100);
    expect(deliveries.map((d) => d.info.attempt)).toEqual([0, 1, 2]);
    const [first, second, third] = deliveries.map((d) => d.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(18);
    expect(third - second).toBeGreaterThanOrEqual(38); // doubled
    expect(bus.deadLetters()).toEqual([]);
  });

  it('dead-letters after the last retry, keeps it inspectable and can replay it', async () => {
    bus = new InProcessBus({ logger: testLogger });
    let attempts = 0;
    let healthy = false;
    await bus.subscribe({
      name: 'test.poisoned',
      topics: ['#'],
      retry: fastRetry,
      handler: async () => {
        attempts += 1;
        if (!healthy) throw new Error('boom');
      },
    });
    const message = aMessage().build();
    await bus.publish([message]);
    await eventually('dead letter', () => bus.deadLetters('test.poisoned').length === 1);
    expect(attempts).toBe(3);
    expect(bus.deadLetters()[0]).toMatchObject({
      queue: 'test.poisoned',
      message,
      attempts: 3,
      error: 'boom',
    });

    healthy = true;
    expect(bus.replayDeadLetters('test.poisoned')).toBe(1);
    await eventually('replayed delivery', () => attempts === 4);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('rejects a malformed message at publish time, before queueing any of the batch', async () => {
    bus = new InProcessBus({ logger: testLogger });
    const received: string[] = [];
    await bus.subscribe({
      name: 'test.strict',
      topics: ['#'],
      handler: async (message) => {
        received.push(message.id);
      },
    });
    const bad = { ...aMessage().build(), occurredAt: 'yesterday' };
    await expect(bus.publish([aMessage().build(), bad])).rejects.toThrow(/occurredAt/);
    await sleep(20);
    expect(received).toEqual([]);
  });

  it('limits concurrent deliveries to the prefetch', async () => {
    bus = new InProcessBus({ logger: testLogger });
    let running = 0;
    let peak = 0;
    let done = 0;
    await bus.subscribe({
      name: 'test.prefetch',
      topics: ['#'],
      prefetch: 3,
      handler: async () => {
        running += 1;
        peak = Math.max(peak, running);
        await sleep(10);
        running -= 1;
        done += 1;
      },
    });
    await bus.publish(Array.from({ length: 12 }, () => aMessage().build()));
    await eventually('all handled', () => done === 12);
    expect(peak).toBe(3);
  });

  it('close() waits for handlers in flight and then refuses to publish', async () => {
    bus = new InProcessBus({ logger: testLogger });
    let finished = false;
    let started = false;
    await bus.subscribe({
      name: 'test.slow',
      topics: ['#'],
      handler: async () => {
        started = true;
        await sleep(50);
        finished = true;
      },
    });
    await bus.publish([aMessage().build()]);
    await eventually('handler start', () => started);
    await bus.close();
    expect(finished).toBe(true);
    expect(bus.isConnected()).toBe(false);
    await expect(bus.publish([aMessage().build()])).rejects.toThrow(/closed/);
  });
});
