import {
  context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type SpanContext,
} from '@opentelemetry/api';
import { chassisTracer } from './chassisTracer.ts';
import { extractTraceContext } from './extractTraceContext.ts';
import { injectTraceContext } from './injectTraceContext.ts';

export interface SubscriptionTraceOptions {
  /** `play_economy.service` of the spans, e.g. `router` or `inventory`. */
  service: string;
  /** The operation's name, when known yet (see {@link SubscriptionTrace.named}). */
  operationName?: string | undefined;
  /**
   * Where the caller's W3C trace context (`traceparent`, `tracestate`) may be, most specific
   * first: the `subscribe` message's `extensions`, then the `connection_init` payload. The
   * first that carries one is continued; with none, the subscription starts a trace.
   */
  carriers: readonly unknown[];
}

/**
 * The spans of one GraphQL subscription over WebSocket. A subscription may last hours, and a
 * span only reaches the exporter once it ends, so there is no span for its whole life: a short
 * `subscription <name>` server span for the subscribe (validation, planning, subscribing
 * upstream), ended by {@link end}, and one `subscription <name> event` span per event
 * delivered ({@link event}), child of the subscribe span, or of the context the event itself
 * carries when its producer forwarded one.
 */
export class SubscriptionTrace {
  readonly #service: string;
  readonly #span: Span;
  readonly #context: Context;
  #operationName: string | undefined;

  constructor(options: SubscriptionTraceOptions) {
    this.#service = options.service;
    this.#operationName = options.operationName;
    const parent = callerContextOf(options.carriers) ?? ROOT_CONTEXT;
    this.#span = chassisTracer().startSpan(
      spanName(options.operationName),
      {
        kind: SpanKind.SERVER,
        attributes: {
          'play_economy.service': options.service,
          'graphql.operation.type': 'subscription',
          'graphql.operation.name': options.operationName ?? '',
        },
      },
      parent,
    );
    this.#context = trace.setSpan(parent, this.#span);
  }

  /** Names the spans after the operation, once the document says which it is. */
  named(operationName: string | undefined): void {
    this.#operationName = operationName;
    this.#span.updateName(spanName(operationName));
    this.#span.setAttribute('graphql.operation.name', operationName ?? '');
  }

  /** Sets an attribute of the subscribe span. */
  setAttribute(name: string, value: string | number | boolean): void {
    this.#span.setAttribute(name, value);
  }

  /**
   * Writes the subscribe span's trace context into `carrier` (the upstream `subscribe`
   * extensions), so the next hop continues this trace.
   */
  inject(carrier: Record<string, string>): void {
    injectTraceContext(carrier, this.#context);
  }

  /** Ends the subscribe span; with `errors`, as failed (the subscription did not start). */
  end(errors?: readonly { message: string }[]): void {
    if (errors && errors.length > 0) {
      this.#span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]?.message ?? '' });
    }
    this.#span.end();
  }

  /**
   * Runs `handle` (resolving one event) inside a span of its own, child of the trace context
   * `forwarded` carries (an upstream event's `extensions`), else of the subscribe span, and
   * linked to `origin` (the span the event came from, in the trace that caused it). What
   * `handle` calls out to (entity fetches) carries that span's `traceparent`.
   */
  async event<T>(handle: () => Promise<T>, forwarded?: unknown, origin?: SpanContext): Promise<T> {
    const parent = callerContextOf([forwarded]) ?? this.#context;
    const links = [
      ...(origin ? [{ context: origin }] : []),
      // The event's own trace may be another one: keep the way back to the subscribe.
      ...(parent === this.#context ? [] : [{ context: this.#span.spanContext() }]),
    ];
    const span = chassisTracer().startSpan(
      `${spanName(this.#operationName)} event`,
      {
        kind: SpanKind.INTERNAL,
        attributes: {
          'play_economy.service': this.#service,
          'graphql.operation.type': 'subscription',
          'graphql.operation.name': this.#operationName ?? '',
        },
        links,
      },
      parent,
    );
    try {
      return await context.with(trace.setSpan(parent, span), handle);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  }
}

function spanName(operationName: string | undefined): string {
  return `subscription ${operationName ?? 'anonymous'}`;
}

/** The context of the first carrier holding a valid W3C trace context, if any. */
function callerContextOf(carriers: readonly unknown[]): Context | undefined {
  for (const carrier of carriers) {
    if (typeof carrier !== 'object' || carrier === null) continue;
    const extracted = extractTraceContext(carrier as Record<string, unknown>, ROOT_CONTEXT);
    if (trace.getSpanContext(extracted) !== undefined) return extracted;
  }
  return undefined;
}
