import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/bus/EventBus.ts';
import { InProcessBus } from '../../src/bus/InProcessBus.ts';
import { aMessage, eventually, testLogger } from '../busTestKit.ts';

describe('InProcessBus perInstance delivery', () => {
  let bus: InProcessBus;
  afterEach(async () => {
    await bus.close();
  });

  it('gives every perInstance subscriber every message, while shared ones compete', async () => {
    bus = new InProcessBus({ logger: testLogger });
    const replicas: Message[][] = [[], []];
    const workers: Message[][] = [[], []];
    for (const seen of replicas) {
      await bus.subscribe({
        name: 'test.notify',
        topics: ['test.#'],
        delivery: 'perInstance',
        handler: async (message) => void seen.push(message),
      });
    }
    for (const seen of workers) {
      await bus.subscribe({
        name: 'test.work',
        topics: ['test.#'],
        handler: async (message) => void seen.push(message),
      });
    }
    await bus.publish([aMessage().build(), aMessage().build()]);

    await eventually('every replica saw both', () => replicas.every((seen) => seen.length === 2));
    await eventually('workers shared both', () => workers.flat().length === 2);
    expect(workers.map((seen) => seen.length)).toEqual([1, 1]);
  });

  it('drops a message a perInstance handler fails on, without retry or dead letter', async () => {
    bus = new InProcessBus({ logger: testLogger, retry: { maxRetries: 3, initialDelayMs: 1 } });
    let attempts = 0;
    const after: Message[] = [];
    await bus.subscribe({
      name: 'test.notify',
      topics: ['test.#'],
      delivery: 'perInstance',
      handler: async (message) => {
        attempts += 1;
        if (message.payload === 'bad') throw new Error('cannot notify');
        after.push(message);
      },
    });
    await bus.publish([aMessage().withPayload('bad').build()]);
    await bus.publish([aMessage().withPayload('good').build()]);
    await eventually('the next message', () => after.length === 1);
    expect(attempts).toBe(2);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('retries a perInstance subscriber that asks for it, on its own queue', async () => {
    bus = new InProcessBus({ logger: testLogger });
    const attempts: number[][] = [[], []];
    const queues: string[] = [];
    for (const seen of attempts) {
      queues.push(
        await bus.subscribe({
          name: 'test.evict',
          topics: ['test.#'],
          delivery: 'perInstance',
          retry: { maxRetries: 2, initialDelayMs: 1 },
          handler: async (_message, { attempt }) => {
            seen.push(attempt);
            if (attempt === 0) throw new Error('backend away');
          },
        }),
      );
    }
    expect(new Set(queues).size).toBe(2);
    await bus.publish([aMessage().build()]);
    await eventually('each instance to retry once', () =>
      attempts.every((seen) => seen.length === 2),
    );
    expect(attempts).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });
});
