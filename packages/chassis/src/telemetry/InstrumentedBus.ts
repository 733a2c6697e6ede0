import {
  context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import type {
  DeliveryInfo,
  EventBus,
  Message,
  MessageHandler,
  RetryPolicy,
  Subscription,
} from '../bus/EventBus.ts';
import type { ServiceMetrics } from '../metrics/ServiceMetrics.ts';
import { chassisTracer } from './chassisTracer.ts';
import { extractTraceContext } from './extractTraceContext.ts';
import { injectTraceContext } from './injectTraceContext.ts';

export interface InstrumentedBusOptions {
  /** The bus doing the work. */
  bus: EventBus;
  metrics: ServiceMetrics;
  /** `messaging.system`: `rabbitmq`, or `in-process` for the embedded bus. */
  system: string;
  /** The exchange messages are published to. */
  exchange: string;
  /** The retry policy of subscriptions that set none, to tell a retry from a dead letter. */
  defaultRetry: RetryPolicy;
}

/**
 * An {@link EventBus} that traces and counts what goes through another, whichever engine it
 * is. Publishing: one `publish <type>` producer span per message, child of the trace context
 * the message carries (stored with it in the outbox) and injected into its headers in turn, so
 * consumers continue the same trace. Consuming: each delivery runs its handler inside a
 * `process <type>` consumer span, child of the message's context. Both carry the
 * `messaging.*` attributes of the OpenTelemetry semantic conventions; the counters go to
 * `metrics`.
 */
export class InstrumentedBus implements EventBus {
  readonly #bus: EventBus;
  readonly #metrics: ServiceMetrics;
  readonly #system: string;
  readonly #exchange: string;
  readonly #defaultRetry: RetryPolicy;
  readonly #published: ((message: Message) => void)[] = [];

  constructor(options: InstrumentedBusOptions) {
    this.#bus = options.bus;
    this.#metrics = options.metrics;
    this.#system = options.system;
    this.#exchange = options.exchange;
    this.#defaultRetry = options.defaultRetry;
  }

  async publish(messages: readonly Message[]): Promise<void> {
    const spans: Span[] = [];
    const traced = messages.map((message) => {
      const parent = extractTraceContext(message.headers, context.active());
      const span = chassisTracer().startSpan(
        `publish ${message.type}`,
        { kind: SpanKind.PRODUCER, attributes: this.#attributes('publish', message) },
        parent,
      );
      span.setAttribute('messaging.destination.name', this.#exchange);
      spans.push(span);
      const headers: Record<string, string> = {};
      injectTraceContext(headers, trace.setSpan(parent, span));
      return Object.keys(headers).length === 0
        ? message
        : { ...message, headers: { ...message.headers, ...headers } };
    });
    try {
      await this.#bus.publish(traced);
    } catch (error) {
      for (const span of spans) fail(span, error);
      throw error;
    }
    for (const span of spans) span.end();
    for (const message of messages) {
      this.#metrics.messagesPublished.inc({ type: message.type });
      for (const listener of this.#published) listener(message);
    }
  }

  /**
   * Calls `listener` with each message once the bus confirmed it: what a service counts its
   * business metrics from, since through the outbox a message is published if and only if its
   * change committed (a relay retry after a lost confirm may report one twice).
   */
  onPublished(listener: (message: Message) => void): void {
    this.#published.push(listener);
  }

  subscribe<TPayload>(subscription: Subscription<TPayload>): Promise<string> {
    const retry = subscription.retry ?? this.#defaultRetry;
    const handler = subscription.handler as MessageHandler;
    return this.#bus.subscribe({
      ...subscription,
      handler: (message: Message<TPayload>, delivery: DeliveryInfo) =>
        this.#process(subscription.name, retry, handler, message, delivery),
    });
  }

  isConnected(): boolean {
    return this.#bus.isConnected();
  }

  stopConsuming(): Promise<void> {
    return this.#bus.stopConsuming();
  }

  close(): Promise<void> {
    return this.#bus.close();
  }

  async #process(
    queue: string,
    retry: RetryPolicy,
    handler: MessageHandler,
    message: Message,
    delivery: DeliveryInfo,
  ): Promise<void> {
    // A delivery continues the publisher's trace, never whatever happened to be active here.
    const parent = extractTraceContext(message.headers, ROOT_CONTEXT);
    const span = chassisTracer().startSpan(
      `process ${message.type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          ...this.#attributes('process', message),
          'messaging.destination.name': queue,
          'messaging.destination.subscription.name': queue,
          'messaging.message.delivery_attempt': delivery.attempt,
        },
      },
      parent,
    );
    const labels = { queue, type: message.type };
    const startedAt = performance.now();
    try {
      await context.with(trace.setSpan(parent, span), () => handler(message, delivery));
      this.#metrics.messagesConsumed.inc(labels);
      span.end();
    } catch (error) {
      const retried = delivery.attempt < retry.maxRetries;
      (retried ? this.#metrics.messagesRetried : this.#metrics.messagesDeadLettered).inc(labels);
      span.setAttribute('play_economy.message.outcome', retried ? 'retried' : 'dead_lettered');
      fail(span, error);
      throw error;
    } finally {
      this.#metrics.messageDuration.observe({ queue }, (performance.now() - startedAt) / 1000);
    }
  }

  #attributes(operation: 'publish' | 'process', message: Message): Attributes {
    return {
      'play_economy.service': this.#metrics.service,
      'messaging.system': this.#system,
      'messaging.operation': operation,
      'messaging.operation.name': operation,
      'messaging.operation.type': operation === 'publish' ? 'send' : 'process',
      'messaging.message.id': message.id,
      'messaging.rabbitmq.destination.routing_key': message.type,
    };
  }
}

function fail(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
  span.end();
}
