import { Writable } from 'node:stream';
import { context, SpanKind, trace } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/bus/EventBus.ts';
import { InProcessBus } from '../../src/bus/InProcessBus.ts';
import { createLogger } from '../../src/logging/createLogger.ts';
import { ServiceMetrics } from '../../src/metrics/ServiceMetrics.ts';
import { InstrumentedBus } from '../../src/telemetry/InstrumentedBus.ts';
import { shutdownTelemetry } from '../../src/telemetry/shutdownTelemetry.ts';
import { startTelemetry } from '../../src/telemetry/startTelemetry.ts';
import { withTraceContext } from '../../src/telemetry/withTraceContext.ts';
import { aMessage, eventually, testLogger } from '../busTestKit.ts';

const exporter = new InMemorySpanExporter();

beforeAll(() => {
  startTelemetry({ serviceName: 'test', spanProcessors: [new SimpleSpanProcessor(exporter)] });
});

afterAll(async () => {
  await shutdownTelemetry();
});

beforeEach(() => exporter.reset());

const fastRetry = { maxRetries: 1, initialDelayMs: 5 };

function anInstrumentedBus(service = 'svc'): { bus: InstrumentedBus; metrics: ServiceMetrics } {
  const metrics = new ServiceMetrics(service, { defaultMetrics: false });
  const bus = new InstrumentedBus({
    bus: new InProcessBus({ logger: testLogger, retry: fastRetry }),
    metrics,
    system: 'in-process',
    exchange: 'play-economy',
    defaultRetry: fastRetry,
  });
  return { bus, metrics };
}

const spanNamed = (name: string): ReadableSpan | undefined =>
  exporter.getFinishedSpans().find((span) => span.name === name);

async function counter(metrics: ServiceMetrics, name: string): Promise<number> {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).reduce((sum, sample) => sum + sample.value, 0);
}

describe('InstrumentedBus', () => {
  it('continues the recording trace: publish under the recorder, process under the publish', async () => {
    const { bus, metrics } = anInstrumentedBus();
    const handled: Message[] = [];
    let handlerSpanId: string | undefined;
    await bus.subscribe({
      name: 'svc.count_on_thing',
      topics: ['test.#'],
      handler: async (message) => {
        handlerSpanId = trace.getActiveSpan()?.spanContext().spanId;
        handled.push(message);
      },
    });
    const request = trace.getTracer('test').startSpan('request');
    // As the outbox records it inside a request, then the relay publishes it from a poll.
    const recorded = context.with(trace.setSpan(context.active(), request), () =>
      withTraceContext(aMessage().build()),
    );
    request.end();
    await bus.publish([recorded]);
    await eventually('the delivery', () => spanNamed('process test.thing.happened') !== undefined);

    const publish = spanNamed('publish test.thing.happened')!;
    const process = spanNamed('process test.thing.happened')!;
    expect(publish.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(process.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
    expect(process.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(handlerSpanId).toBe(process.spanContext().spanId);
    expect([publish.kind, process.kind]).toEqual([SpanKind.PRODUCER, SpanKind.CONSUMER]);
    expect(publish.attributes).toMatchObject({
      'messaging.system': 'in-process',
      'messaging.operation': 'publish',
      'messaging.destination.name': 'play-economy',
      'messaging.message.id': recorded.id,
    });
    expect(process.attributes).toMatchObject({
      'messaging.system': 'in-process',
      'messaging.operation': 'process',
      'messaging.destination.name': 'svc.count_on_thing',
      'messaging.message.id': recorded.id,
    });
    // The delivered message carries the publish span's context, not the recorder's.
    expect(handled[0]!.headers?.['traceparent']).toContain(publish.spanContext().spanId);
    expect(await counter(metrics, 'bus_messages_published_total')).toBe(1);
    expect(await counter(metrics, 'bus_messages_consumed_total')).toBe(1);
  });

  it('counts a failed delivery as retried, then on its last attempt as dead-lettered', async () => {
    const { bus, metrics } = anInstrumentedBus();
    let attempts = 0;
    await bus.subscribe({
      name: 'svc.always_fails',
      topics: ['test.#'],
      retry: fastRetry,
      handler: async () => {
        attempts += 1;
        throw new Error('boom');
      },
    });
    await bus.publish([aMessage().build()]);
    await eventually('the dead letter', async () => {
      return (await counter(metrics, 'bus_messages_dead_lettered_total')) === 1;
    });
    expect(attempts).toBe(2);
    expect(await counter(metrics, 'bus_messages_retried_total')).toBe(1);
    expect(await counter(metrics, 'bus_messages_consumed_total')).toBe(0);
    const failed = exporter.getFinishedSpans().filter((span) => span.name.startsWith('process'));
    expect(failed.map((span) => span.attributes['play_economy.message.outcome'])).toEqual([
      'retried',
      'dead_lettered',
    ]);
  });

  it('tells listeners of each confirmed message', async () => {
    const { bus } = anInstrumentedBus();
    const seen: string[] = [];
    bus.onPublished((message) => seen.push(message.id));
    const message = aMessage().build();
    await bus.publish([message]);
    expect(seen).toEqual([message.id]);
  });
});

describe('createLogger', () => {
  it('writes trace_id and span_id on lines written inside a span, and only there', () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    const logger = createLogger({ service: 'svc', destination });
    logger.info('outside');
    const span = trace.getTracer('test').startSpan('work');
    context.with(trace.setSpan(context.active(), span), () =>
      logger.child({ a: 1 }).info('inside'),
    );
    span.end();
    expect(lines[0]).not.toHaveProperty('trace_id');
    expect(lines[1]).toMatchObject({
      msg: 'inside',
      service: 'svc',
      trace_id: span.spanContext().traceId,
      span_id: span.spanContext().spanId,
    });
  });
});
