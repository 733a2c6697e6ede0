import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** Written on every line as `service`. */
  service: string;
  level?: string | undefined;
  /** Where lines go. Defaults to stdout. */
  destination?: DestinationStream;
}

/**
 * JSON logs on stdout, one line per event, each naming the service that wrote it. A line
 * written inside a span carries its `trace_id` and `span_id`, to be found from the trace.
 */
export function createLogger({ service, level, destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level: level ?? 'info',
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: traceIds,
  };
  return destination ? pino(options, destination) : pino(options);
}

function traceIds(): Record<string, string> {
  const span = trace.getActiveSpan()?.spanContext();
  // Without telemetry the active span is a no-op one with all-zero ids: not worth a field.
  if (!span || !isSpanContextValid(span)) return {};
  return { trace_id: span.traceId, span_id: span.spanId };
}
