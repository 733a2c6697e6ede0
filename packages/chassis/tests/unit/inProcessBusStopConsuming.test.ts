import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/bus/EventBus.ts';
import { InProcessBus } from '../../src/bus/InProcessBus.ts';
import { ServiceMetrics } from '../../src/metrics/ServiceMetrics.ts';
import { InstrumentedBus } from '../../src/telemetry/InstrumentedBus.ts';
import { aGate } from '../busGate.ts';
import { aMessage, eventually, sleep, testLogger } from '../busTestKit.ts';

describe('InProcessBus.stopConsuming', () => {
  let bus: InProcessBus;
  afterEach(async () => {
    await bus.close();
  });

  it('awaits the handler in flight, then delivers nothing more and refuses to publish', async () => {
    bus = new InProcessBus({ logger: testLogger });
    const gate = aGate();
    const handled: string[] = [];
    const published: Message[] = [];
    let started = 0;
    await bus.subscribe({
      name: 'test.held',
      topics: ['test.held.#'],
      handler: async (message) => {
        started += 1;
        if (handled.length === 0) await gate.passed;
        handled.push(message.id);
      },
    });
    // A second subscriber stands for another service on the same bus.
    await bus.subscribe({
      name: 'test.other',
      topics: ['test.other.#'],
      handler: async (message) => {
        published.push(message);
      },
    });
    const first = aMessage().withType('test.held.first').build();
    await bus.publish([first]);
    await eventually('the first delivery to start', () => started === 1);

    let stopped = false;
    const stopping = bus.stopConsuming().then(() => {
      stopped = true;
    });
    // Published while the handler is in flight: refused, so an outbox keeps it.
    await expect(bus.publish([aMessage().withType('test.held.second').build()])).rejects.toThrow(
      /stopped consuming/,
    );
    await sleep(20);
    expect(stopped).toBe(false);

    gate.open();
    await stopping;
    expect(handled).toEqual([first.id]);

    // Nothing could deliver what is published now: refused, and nothing reaches any subscriber.
    await expect(bus.publish([aMessage().withType('test.other.after').build()])).rejects.toThrow(
      /stopped consuming/,
    );
    await sleep(20);
    expect(handled).toEqual([first.id]);
    expect(started).toBe(1);
    expect(published).toEqual([]);
    expect(bus.isConnected()).toBe(true);
  });

  it('refuses new subscriptions once stopped, and close() after it still closes', async () => {
    bus = new InProcessBus({ logger: testLogger });
    await bus.stopConsuming();
    await bus.stopConsuming();
    await expect(
      bus.subscribe({ name: 'test.late', topics: ['#'], handler: async () => undefined }),
    ).rejects.toThrow(/stopped consuming/);
    await bus.close();
    expect(bus.isConnected()).toBe(false);
    await expect(bus.publish([aMessage().build()])).rejects.toThrow(/closed/);
  });

  it('gives up on a handler that outlasts its bound instead of hanging', async () => {
    bus = new InProcessBus({ logger: testLogger, inFlightTimeoutMs: 30 });
    const gate = aGate();
    let started = false;
    await bus.subscribe({
      name: 'test.stuck',
      topics: ['#'],
      handler: async () => {
        started = true;
        await gate.passed;
      },
    });
    await bus.publish([aMessage().build()]);
    await eventually('the handler to start', () => started);
    await bus.stopConsuming();
    gate.open();
  });

  it('is delegated by the instrumented bus that wraps it', async () => {
    bus = new InProcessBus({ logger: testLogger });
    const instrumented = new InstrumentedBus({
      bus,
      metrics: new ServiceMetrics('svc', { defaultMetrics: false }),
      system: 'in-process',
      exchange: 'play-economy',
      defaultRetry: { maxRetries: 0, initialDelayMs: 1 },
    });
    const handled: string[] = [];
    await instrumented.subscribe({
      name: 'test.wrapped',
      topics: ['#'],
      handler: async (message) => {
        handled.push(message.id);
      },
    });
    await instrumented.stopConsuming();
    await expect(instrumented.publish([aMessage().build()])).rejects.toThrow(/stopped consuming/);
    expect(handled).toEqual([]);
    await expect(
      bus.subscribe({ name: 'test.late', topics: ['#'], handler: async () => undefined }),
    ).rejects.toThrow(/stopped consuming/);
  });
});
