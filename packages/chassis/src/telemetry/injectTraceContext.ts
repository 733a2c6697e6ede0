import { context, propagation, type Context } from '@opentelemetry/api';

/** Something headers can be set on: a plain record or a fetch `Headers`. */
export type HeaderCarrier = Record<string, string> | { set(name: string, value: string): void };

/**
 * Writes the W3C trace context (`traceparent`, `tracestate`) of `from` (default: the active
 * context) into `carrier`. For outgoing HTTP requests, WebSocket `connection_init` payloads and
 * message headers alike. Writes nothing when there is no span or no telemetry.
 */
export function injectTraceContext(carrier: HeaderCarrier, from: Context = context.active()): void {
  if ('set' in carrier && typeof carrier.set === 'function') {
    propagation.inject(from, carrier as { set(name: string, value: string): void }, {
      set: (headers, name, value) => headers.set(name, value),
    });
    return;
  }
  propagation.inject(from, carrier);
}
