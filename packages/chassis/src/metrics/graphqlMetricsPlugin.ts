import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import type { ServiceMetrics } from './ServiceMetrics.ts';

/** Distinct operation names kept as label values; later ones count as `other`. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The metric label of an operation name. Operation names are the client's to choose, so label
 * values are bounded: anonymous operations are `anonymous`, and past
 * {@link MAX_OPERATION_NAMES} distinct names, or for odd ones, `other`.
 */
export function operationLabeler(): (name: string | null | undefined) => string {
  const known = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    if (known.has(name)) return name;
    if (!OPERATION_NAME.test(name) || known.size >= MAX_OPERATION_NAMES) return 'other';
    known.add(name);
    return name;
  };
}

/**
 * Apollo Server plugin, the same for the router and every subgraph: counts each operation by
 * name, type and outcome and observes its latency; names the request's span (see
 * `traceGraphQLRequests`) after the operation. Names become labels through `operationLabeler`.
 */
export function graphqlMetricsPlugin<TContext extends BaseContext>(
  metrics: ServiceMetrics,
): ApolloServerPlugin<TContext> {
  const labelOf = operationLabeler();
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      const span = trace.getActiveSpan();
      let operationName = 'unknown';
      let operationType = 'unknown';
      return {
        async didResolveOperation({ operationName: name, operation }) {
          operationType = operation?.operation ?? 'unknown';
          operationName = labelOf(name);
          span?.updateName(`${operationType} ${name ?? 'anonymous'}`);
          span?.setAttributes({
            'graphql.operation.type': operationType,
            'graphql.operation.name': name ?? '',
          });
        },
        async willSendResponse({ errors, response }) {
          const failed =
            (errors?.length ?? 0) > 0 ||
            (response.body.kind === 'single' &&
              (response.body.singleResult.errors?.length ?? 0) > 0);
          const labels = { operation_name: operationName, operation_type: operationType };
          metrics.graphqlRequests.inc({ ...labels, outcome: failed ? 'error' : 'success' });
          metrics.graphqlDuration.observe(labels, (performance.now() - startedAt) / 1000);
        },
      };
    },
  };
}
