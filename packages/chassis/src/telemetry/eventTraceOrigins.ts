import { context, trace, type SpanContext } from '@opentelemetry/api';

const origins = new WeakMap<object, SpanContext>();

/**
 * Which span each live event came from (the delivery of the message that carried it), so the
 * span that later resolves the event for a subscriber can link back to it: that subscriber's
 * trace is the subscription's, the event's cause is in another one (the purchase's).
 */
export const eventTraceOrigins = {
  /** Remembers the active span as `event`'s origin; events that are not objects are skipped. */
  remember(event: unknown): void {
    if (typeof event !== 'object' || event === null) return;
    const origin = trace.getSpanContext(context.active());
    if (origin && trace.isSpanContextValid(origin)) origins.set(event, origin);
  },
  /** The span `event` came from, if it was remembered. */
  of(event: unknown): SpanContext | undefined {
    return typeof event === 'object' && event !== null ? origins.get(event) : undefined;
  },
};
