import { randomUUID } from 'node:crypto';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import {
  signViewer,
  VIEWER_HEADER,
  type Logger,
  type SubscriptionTrace,
  type Viewer,
} from '@play-economy/chassis/web';
import type { ExecutionResult, GraphQLError } from 'graphql';
import { executeOperation } from '../engine/executeOperation.ts';
import type { FormattedExecutionResult } from 'graphql-ws';
import { restoreRemovedFields } from '../authorization/restoreRemovedFields.ts';
import type { RouterContext } from '../subgraphs/SubgraphDataSource.ts';
import { SubgraphUnavailable } from '../subgraphs/SubgraphUnavailable.ts';
import type { ClientStream } from './ClientStream.ts';
import type { PlannedSubscription } from './SubscriptionPlanner.ts';
import type { SubscriptionStats } from './SubscriptionStats.ts';
import type { UpstreamConnections } from './UpstreamConnections.ts';

/** Name under which each event is handed to the plan, as if a subgraph had answered it. */
const EVENT_SOURCE = '__subscription_event__';

export interface SharedSubscriptionOptions {
  planned: PlannedSubscription;
  /** The one caller identity every client of this subscription shares. */
  viewer: Viewer | null;
  /** The first client's address, attested to subgraphs. */
  clientIp: string | undefined;
  routerSecret: string;
  upstream: UpstreamConnections;
  logger: Logger;
  stats: SubscriptionStats;
  /** Events received but not yet resolved past which the subscription gives up. */
  maxPendingEvents: number;
  /**
   * The spans of the client subscription that opened this one: its trace context goes upstream,
   * and each event is resolved in a span of that trace (or of the event's own, when the
   * subgraph sends one). Clients joining later share the stream, not the trace.
   */
  trace: SubscriptionTrace;
  /** Called once, when the subscription has ended and released its upstream. */
  onEnd: () => void;
}

/**
 * One upstream subscription and everything that rides on it: the primary fetch subscribed on
 * the owning subgraph (one graphql-ws operation, with the caller's signed viewer), the `rest`
 * of the plan run once per event through the router's engine and the same data sources as
 * HTTP requests, and the shaped result fanned out to every client subscribed with the same
 * document, variables and identity. Events are resolved one at a time, in order. The last
 * client leaving releases the upstream subscription; the upstream ending (a subgraph restart)
 * ends every client with an error.
 */
export class SharedSubscription {
  readonly #options: SharedSubscriptionOptions;
  readonly #clients = new Set<ClientStream>();
  readonly #plan: QueryPlan;
  readonly #context: RouterContext;
  #unsubscribe: (() => void) | undefined;
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;
  #ended = false;

  constructor(options: SharedSubscriptionOptions) {
    this.#options = options;
    const { planned } = options;
    const primary = { ...planned.node.primary, serviceName: EVENT_SOURCE };
    this.#plan = {
      kind: 'QueryPlan',
      node: planned.node.rest ? { kind: 'Sequence', nodes: [primary, planned.node.rest] } : primary,
    };
    this.#context = { requestId: randomUUID(), viewer: options.viewer, clientIp: options.clientIp };
  }

  get clientCount(): number {
    return this.#clients.size;
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Subscribes upstream. */
  start(): void {
    const { planned, upstream, viewer, routerSecret, stats } = this.#options;
    const { primary } = planned.node;
    const endpoint = planned.planner.endpoints[primary.serviceName];
    if (!endpoint) throw new Error(`no URL for subgraph ${primary.serviceName}`);
    const variables: Record<string, unknown> = {};
    for (const name of primary.variableUsages ?? []) {
      if (planned.variables[name] !== undefined) variables[name] = planned.variables[name];
    }
    stats.upstreamSubscriptions += 1;
    const traceContext: Record<string, string> = {};
    this.#options.trace.inject(traceContext);
    this.#unsubscribe = upstream.subscribe(
      endpoint,
      {
        query: primary.operation,
        ...(primary.operationName ? { operationName: primary.operationName } : {}),
        variables,
        extensions: {
          [VIEWER_HEADER]: signViewer(viewer, routerSecret, { clientIp: this.#context.clientIp }),
          requestId: this.#context.requestId,
          ...traceContext,
        },
      },
      {
        next: (event) => this.#receive(event),
        error: (error) => this.#settle(() => this.#failAll(primary.serviceName, error)),
        complete: () => this.#settle(() => this.#completeAll()),
      },
    );
  }

  attach(client: ClientStream): void {
    this.#clients.add(client);
  }

  /** A client left; the last one out ends the upstream subscription. */
  detach(client: ClientStream): void {
    if (!this.#clients.delete(client)) return;
    if (this.#clients.size === 0) this.#end();
  }

  #receive(event: FormattedExecutionResult): void {
    if (this.#ended) return;
    if (this.#pending >= this.#options.maxPendingEvents) {
      this.#options.logger.warn(
        { subgraph: this.#options.planned.node.primary.serviceName, pending: this.#pending },
        'subscription events arrive faster than they resolve; ending the subscription',
      );
      for (const client of this.#clients) {
        client.fail(new Error('The subscription fell too far behind its events; subscribe again'));
      }
      this.#end();
      return;
    }
    this.#pending += 1;
    this.#settle(async () => {
      try {
        // The entity fetches of the rest of the plan carry this span's traceparent.
        const result = await this.#options.trace.event(
          () => this.#resolve(event),
          event.extensions,
        );
        for (const client of this.#clients) client.push(result);
        this.#options.stats.resultsDelivered += this.#clients.size;
      } finally {
        this.#pending -= 1;
      }
    });
  }

  /** Runs `step` after every earlier event was resolved and delivered. */
  #settle(step: () => void | Promise<void>): void {
    this.#tail = this.#tail.then(step).catch((error: unknown) => {
      this.#options.logger.error({ err: error }, 'could not resolve a subscription event');
    });
  }

  async #resolve(event: FormattedExecutionResult): Promise<ExecutionResult> {
    const { planned } = this.#options;
    const { runtime, apiSchema } = planned.planner;
    const eventSource: GraphQLDataSource = {
      process: async () => ({
        ...(event.data === undefined ? {} : { data: event.data }),
        ...(event.errors ? { errors: event.errors } : {}),
      }),
    };
    const result = await executeOperation({
      runtime,
      prepared: planned.prepared,
      plan: this.#plan,
      dataSources: new Map([...runtime.dataSources, [EVENT_SOURCE, eventSource]]),
      variables: planned.variables,
      requestContext: {
        request: { variables: planned.variables },
        context: this.#context,
        schema: apiSchema,
      } as never,
    });
    if (!planned.filtered) return result;
    const { data, errors } = restoreRemovedFields(result.data, {
      schema: apiSchema,
      filtered: planned.filtered,
      variables: planned.variables,
    });
    const allErrors: GraphQLError[] = [...(result.errors ?? []), ...errors];
    return {
      ...(data === undefined ? {} : { data }),
      ...(allErrors.length > 0 ? { errors: allErrors } : {}),
    };
  }

  #failAll(subgraph: string, error: unknown): void {
    const { code, reason } = (error ?? {}) as { code?: unknown; reason?: unknown };
    this.#options.logger.warn(
      { subgraph, code, reason, err: error instanceof Error ? error : undefined },
      'upstream subscription ended with an error',
    );
    const cause = new SubgraphUnavailable(subgraph, undefined, { cause: error });
    for (const client of this.#clients) client.fail(cause);
    this.#end();
  }

  #completeAll(): void {
    for (const client of this.#clients) client.complete();
    this.#end();
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#options.stats.upstreamSubscriptions -= 1;
    const unsubscribe = this.#unsubscribe;
    this.#unsubscribe = undefined;
    unsubscribe?.();
    this.#options.onEnd();
  }
}
