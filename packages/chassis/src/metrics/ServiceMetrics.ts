import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type LabelValues,
} from 'prom-client';

/** One sample of an observed metric: its value and, if it has labels, theirs. */
export interface ObservedSample {
  value: number;
  labels?: LabelValues<string>;
}

/**
 * A metric whose value lives elsewhere (a cache's hit count, the number of open subscriptions)
 * and is read at each scrape.
 */
export interface ObservedMetric {
  /** `gauge` for a level that goes up and down; `counter` for a running total that only grows. */
  kind: 'gauge' | 'counter';
  /** Prometheus name, e.g. `router_entity_cache_hits_total`. */
  name: string;
  help: string;
  labelNames?: readonly string[];
  /** Called at each scrape: one number, or one sample per label set. */
  read: () => number | readonly ObservedSample[] | Promise<number | readonly ObservedSample[]>;
}

/** Seconds buckets for request and message latencies: 5 ms to 10 s. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One service's Prometheus metrics, in a registry of its own labelled `service=<name>`, so the
 * five servers of one-process mode can each serve `/metrics` without their metric names
 * colliding. Holds the metrics the chassis itself records (GraphQL requests, bus traffic, the
 * outbox backlog); services add their own with {@link counter} and {@link observe}.
 */
export class ServiceMetrics {
  readonly service: string;
  readonly registry = new Registry();
  /** GraphQL operations served, by operation name and type and outcome (`success`/`error`). */
  readonly graphqlRequests: Counter<'operation_name' | 'operation_type' | 'outcome'>;
  /** Time from the request's start to its response, by operation name and type. */
  readonly graphqlDuration: Histogram<'operation_name' | 'operation_type'>;
  /** Messages the broker confirmed, by type. */
  readonly messagesPublished: Counter<'type'>;
  /** Deliveries whose handler succeeded (the message is then acked), by queue and type. */
  readonly messagesConsumed: Counter<'queue' | 'type'>;
  /** Deliveries whose handler failed and that will be delivered again after a backoff. */
  readonly messagesRetried: Counter<'queue' | 'type'>;
  /** Deliveries whose handler failed for the last time: moved to the dead-letter queue. */
  readonly messagesDeadLettered: Counter<'queue' | 'type'>;
  /** Handler time per delivery, by queue. */
  readonly messageDuration: Histogram<'queue'>;

  constructor(service: string, options: { defaultMetrics?: boolean } = {}) {
    this.service = service;
    this.registry.setDefaultLabels({ service });
    // Process metrics (CPU, memory, event loop lag) once per registry: each server exposes them.
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.graphqlRequests = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL operations served, by operation and outcome',
      labelNames: ['operation_name', 'operation_type', 'outcome'],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL operation latency, from request to response',
      labelNames: ['operation_name', 'operation_type'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.messagesPublished = new Counter({
      name: 'bus_messages_published_total',
      help: 'Messages published and confirmed by the bus',
      labelNames: ['type'],
      registers,
    });
    this.messagesConsumed = new Counter({
      name: 'bus_messages_consumed_total',
      help: 'Deliveries handled successfully and acknowledged',
      labelNames: ['queue', 'type'],
      registers,
    });
    this.messagesRetried = new Counter({
      name: 'bus_messages_retried_total',
      help: 'Deliveries whose handler failed, sent back for another attempt after a backoff',
      labelNames: ['queue', 'type'],
      registers,
    });
    this.messagesDeadLettered = new Counter({
      name: 'bus_messages_dead_lettered_total',
      help: 'Deliveries whose handler failed on the last attempt, moved to the dead-letter queue',
      labelNames: ['queue', 'type'],
      registers,
    });
    this.messageDuration = new Histogram({
      name: 'bus_message_processing_duration_seconds',
      help: 'Time a handler took per delivery',
      labelNames: ['queue'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
  }

  /** A counter of this service's own, e.g. `purchases_completed_total`. */
  counter<TLabel extends string = never>(
    name: string,
    help: string,
    labelNames: readonly TLabel[] = [],
  ): Counter<TLabel> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A histogram of this service's own: latencies in seconds unless other buckets are given. */
  histogram<TLabel extends string = never>(
    name: string,
    help: string,
    labelNames: readonly TLabel[] = [],
    buckets: readonly number[] = LATENCY_BUCKETS,
  ): Histogram<TLabel> {
    return new Histogram({
      name,
      help,
      labelNames,
      buckets: [...buckets],
      registers: [this.registry],
    });
  }

  /**
   * Exposes a value kept elsewhere, read at each scrape: how cache and subscription statistics
   * objects are plugged in.
   *
   * @example
   * metrics.observe({ kind: 'counter', name: 'router_entity_cache_hits_total',
   *   help: 'Entity cache hits', read: () => cacheStats.hits });
   */
  observe(metric: ObservedMetric): void {
    const { name, help, read } = metric;
    const labelNames = [...(metric.labelNames ?? [])];
    if (metric.kind === 'gauge') {
      new Gauge({
        name,
        help,
        labelNames,
        registers: [this.registry],
        async collect() {
          const value = await read();
          this.reset();
          for (const sample of samplesOf(value)) this.set(sample.labels ?? {}, sample.value);
        },
      });
      return;
    }
    // A counter only grows: each scrape adds what the running total gained since the last one.
    const last = new Map<string, number>();
    new Counter({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        for (const sample of samplesOf(await read())) {
          const key = JSON.stringify(sample.labels ?? {});
          const gained = sample.value - (last.get(key) ?? 0);
          last.set(key, sample.value);
          if (gained > 0) this.inc(sample.labels ?? {}, gained);
        }
      },
    });
  }

  /** The exposition text for a scrape. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}

function samplesOf(value: number | readonly ObservedSample[]): readonly ObservedSample[] {
  return typeof value === 'number' ? [{ value }] : value;
}
