import {
  W3CTraceContextPropagator,
  CompositePropagator,
  W3CBaggagePropagator,
} from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { TELEMETRY_KEY, type Telemetry } from './shutdownTelemetry.ts';

export interface TelemetryOptions {
  /** `service.name` of every span this process exports, e.g. `trading`. */
  serviceName: string;
  /**
   * Where spans go. Defaults to a batching OTLP/HTTP exporter when
   * `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set, and to
   * nowhere otherwise: spans are still made, so trace ids reach the logs and travel between
   * services, but nothing leaves the process. Tests pass an in-memory exporter here.
   */
  spanProcessors?: SpanProcessor[];
  /** Settings; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

/**
 * Starts OpenTelemetry for this process: the W3C trace-context propagator, an async-hooks
 * context manager, the tracer provider and the auto-instrumentations that fit (http server
 * spans, graphql execution, the mongodb driver). Call it before anything else is imported
 * (`node --import @play-economy/chassis/telemetry/register`), or the instrumented modules are
 * loaded unpatched. Starting twice returns the first instance: tracing is process-wide, even
 * when several services share the process.
 *
 * The amqplib instrumentation is left out on purpose: the chassis traces its own messages
 * (see `InstrumentedBus`), with the context of the transaction that recorded them carried
 * through the outbox. amqplib's would add a second publish span per message, parented on the
 * outbox relay's poll rather than on the request, and its consume span would end before our
 * handler acks.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const existing = (globalThis as Record<symbol, Telemetry | undefined>)[TELEMETRY_KEY];
  if (existing) return existing;
  const env = options.env ?? process.env;
  const exporting =
    Boolean(env['OTEL_EXPORTER_OTLP_ENDPOINT']) ||
    Boolean(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
  const spanProcessors =
    options.spanProcessors ??
    (exporting
      ? [new BatchSpanProcessor(new OTLPTraceExporter())]
      : // No exporter: spans exist only to carry ids (a provider with no processor is not registered).
        [new NoopSpanProcessor()]);
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    spanProcessors,
    // Metrics are Prometheus' job (`/metrics`), logs go to stdout: the SDK exports neither.
    metricReaders: [],
    logRecordProcessors: [],
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes are not worth a trace each.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)/.test(request.url ?? ''),
      }),
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
      new MongoDBInstrumentation(),
    ],
  });
  sdk.start();
  const telemetry: Telemetry = { shutdown: () => sdk.shutdown() };
  (globalThis as Record<symbol, Telemetry | undefined>)[TELEMETRY_KEY] = telemetry;
  return telemetry;
}
