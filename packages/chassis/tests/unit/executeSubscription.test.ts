import { randomBytes } from 'node:crypto';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import {
  GraphQLError,
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  type ExecutionResult,
} from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { executeSubscription } from '../../src/graphql/executeSubscription.ts';
import { LiveFeed } from '../../src/live/LiveFeed.ts';
import { shutdownTelemetry } from '../../src/telemetry/shutdownTelemetry.ts';
import { startTelemetry } from '../../src/telemetry/startTelemetry.ts';
import { SubscriptionTrace } from '../../src/telemetry/SubscriptionTrace.ts';

const exporter = new InMemorySpanExporter();
const processor = new SimpleSpanProcessor(exporter);

beforeAll(() => {
  startTelemetry({ serviceName: 'test', spanProcessors: [processor] });
});

afterAll(async () => {
  await shutdownTelemetry();
});

beforeEach(() => exporter.reset());

const ticks = new LiveFeed<{ tick: number }>();
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      tick: {
        type: GraphQLInt,
        subscribe: () => ticks.watch(),
        resolve: ({ tick }: { tick: number }) => tick,
      },
      refused: {
        type: GraphQLInt,
        subscribe: () => {
          throw new GraphQLError('not for you');
        },
      },
    },
  }),
});

function aTrace(traceparent?: string): SubscriptionTrace {
  return new SubscriptionTrace({
    service: 'svc',
    operationName: 'Ticks',
    carriers: [traceparent ? { traceparent } : undefined],
  });
}

const spansNamed = (name: string): ReadableSpan[] =>
  exporter.getFinishedSpans().filter((span) => span.name === name);

describe('executeSubscription', () => {
  it('resolves each event in a span under the subscribe span, continuing the caller’s trace', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    let ends = 0;
    const stream = await executeSubscription(
      { schema, document: parse('subscription Ticks { tick }') },
      { trace: aTrace(`00-${traceId}-${callerSpanId}-01`), onEnd: () => (ends += 1) },
    );
    if (!(Symbol.asyncIterator in stream)) throw new Error('expected a stream');
    const next = stream.next();
    // Published while handling something else: the event span links back to it.
    const cause = trace.getTracer('test').startSpan('cause');
    context.with(trace.setSpan(context.active(), cause), () => ticks.publish({ tick: 7 }));
    cause.end();
    const { value } = (await next) as IteratorResult<ExecutionResult>;
    expect(value?.data).toEqual({ tick: 7 });

    await processor.forceFlush();
    const [subscribe] = spansNamed('subscription Ticks');
    const [event] = spansNamed('subscription Ticks event');
    expect(subscribe?.kind).toBe(SpanKind.SERVER);
    expect(subscribe?.spanContext().traceId).toBe(traceId);
    expect(subscribe?.parentSpanContext?.spanId).toBe(callerSpanId);
    expect(subscribe?.attributes).toMatchObject({
      'play_economy.service': 'svc',
      'graphql.operation.type': 'subscription',
      'graphql.operation.name': 'Ticks',
    });
    expect(event?.parentSpanContext?.spanId).toBe(subscribe?.spanContext().spanId);
    expect(event?.links.map((link) => link.context.spanId)).toEqual([cause.spanContext().spanId]);
    // The result names the event's span, for the router to continue from.
    expect(value?.extensions?.['traceparent']).toBe(
      `00-${traceId}-${event?.spanContext().spanId}-01`,
    );

    await stream.return(undefined);
    await stream.return(undefined);
    expect(ends).toBe(1);
  });

  it('ends its source when returned while waiting for an event', async () => {
    let ends = 0;
    const stream = await executeSubscription(
      { schema, document: parse('subscription Ticks { tick }') },
      { trace: aTrace(), onEnd: () => (ends += 1) },
    );
    if (!(Symbol.asyncIterator in stream)) throw new Error('expected a stream');
    expect(ticks.watcherCount).toBe(1);
    const waiting = stream.next();
    await stream.return(undefined);
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(ticks.watcherCount).toBe(0);
    expect(ends).toBe(1);
  });

  it('answers a refused subscribe with its errors, and marks the subscribe span failed', async () => {
    let ends = 0;
    const result = await executeSubscription(
      { schema, document: parse('subscription Ticks { refused }') },
      { trace: aTrace(), onEnd: () => (ends += 1) },
    );
    expect(Symbol.asyncIterator in result).toBe(false);
    await processor.forceFlush();
    expect((result as ExecutionResult).errors?.[0]?.message).toBe('not for you');
    expect(spansNamed('subscription Ticks')[0]?.status.code).toBe(SpanStatusCode.ERROR);
    expect(ends).toBe(0);
  });
});
