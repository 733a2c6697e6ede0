import type { FieldSelection } from '@apollo/federation-internals';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type { ExecutionResult } from 'graphql';
import { executePlan, type PlanExecution } from './executePlan.ts';
import { mergeInto } from './fetchData.ts';
import { shapeResponse } from './shapeResponse.ts';
import type { PreparedOperation, SupergraphRuntime } from './SupergraphRuntime.ts';

export interface OperationExecution {
  runtime: SupergraphRuntime;
  prepared: PreparedOperation;
  /** The client's variables, as sent. */
  variables: Readonly<Record<string, unknown>>;
  requestContext: PlanExecution['requestContext'];
  /** The plan to run instead of the prepared one (a subscription's, per event). */
  plan?: QueryPlan;
  /** Data sources instead of the runtime's (a subscription event's source added). */
  dataSources?: ReadonlyMap<string, GraphQLDataSource>;
  /** Answers a `__schema` or `__type` field; operations without them need none. */
  introspect?: (selection: FieldSelection) => unknown;
}

/**
 * Runs a prepared operation: its plan, then the response shaping compiled for it. As
 * `@apollo/gateway` and Apollo Router do, a value that breaks the schema after a failed fetch
 * is a consequence of that failure and not reported again; alone, it is reported beside the
 * data (`extensions.valueCompletion`), the value itself nulled as GraphQL completion says.
 */
export async function executeOperation(execution: OperationExecution): Promise<ExecutionResult> {
  const { runtime, prepared, variables } = execution;
  const conditionValues = { ...prepared.defaultedVariables, ...variables };
  const run = (plan: QueryPlan) =>
    executePlan({
      plan,
      dataSources: execution.dataSources ?? runtime.dataSources,
      types: runtime.types,
      variables,
      conditionValues,
      requestContext: execution.requestContext,
    });
  const plans = execution.plan ? [execution.plan] : prepared.plans;
  const [first, ...others] = await Promise.all(plans.map(run));
  if (!first) throw new Error('the operation has no plan');
  const { data } = first;
  const errors = [...first.errors];
  // A split operation: each plan fetched part of the fields; together they are the answer.
  for (const other of others) {
    mergeInto(data, other.data);
    errors.push(...other.errors);
  }
  const shaped = shapeResponse({
    shape: prepared.shape,
    input: data,
    variables: conditionValues,
    introspect:
      execution.introspect ??
      (() => {
        throw new Error('this operation has no introspection field');
      }),
  });
  if (errors.length > 0) return { errors, data: shaped.data };
  if (shaped.errors.length > 0) {
    return { data: shaped.data, extensions: { valueCompletion: shaped.errors } };
  }
  return { data: shaped.data };
}
