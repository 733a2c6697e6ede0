import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { Role, type Viewer } from '@play-economy/chassis/web';
import {
  buildSchema,
  Kind,
  parse,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import type { AdmittedOperation } from '../../src/pipeline/OperationPipeline.ts';
import { prepareSupergraph } from '../../src/supergraph/prepareSupergraph.ts';
import {
  SubscriptionPlanner,
  type PlannedSubscription,
} from '../../src/subscriptions/SubscriptionPlanner.ts';

// This repository's own supergraph, as the router serves it.
const prepared = prepareSupergraph(
  readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'),
);
const planner = new SubscriptionPlanner({
  apiSchema: Supergraph.build(prepared.gatewaySdl).apiSchema().toGraphQLJSSchema(),
  coreSupergraphSdl: prepared.gatewaySdl,
  prepared,
  // Planning alone calls no subgraph.
  dataSources: Object.fromEntries(
    prepared.subgraphs.map(({ name }) => [
      name,
      { process: () => Promise.reject(new Error(name)) },
    ]),
  ),
  endpoints: {},
});
const player: Viewer = { userId: 'u-1', roles: [Role.Player] };

/** A document as the pipeline admits it (validated, variables coerced) against `schema`. */
function admitted(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  schema: GraphQLSchema = planner.apiSchema,
): AdmittedOperation {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return {
    schema,
    query: '',
    queryHash: '',
    document,
    operation,
    fragments: new Map(),
    variables,
    coercedVariables: variables,
    estimatedCost: 0,
  };
}

const CHANGES = parse(
  'subscription ($u: ID) { inventoryChanged(userId: $u) { delta item { name price } user { username } } }',
);

function planned(result: PlannedSubscription | readonly GraphQLError[]): PlannedSubscription {
  if (Array.isArray(result)) throw new Error(`expected a plan, got ${JSON.stringify(result)}`);
  return result as PlannedSubscription;
}

function codesOf(result: PlannedSubscription | readonly GraphQLError[]): unknown[] {
  if (!Array.isArray(result)) throw new Error('expected errors, got a plan');
  return (result as readonly GraphQLError[]).map((error) => error.extensions['code']);
}

describe('SubscriptionPlanner', () => {
  it('plans the primary on the owning subgraph and the rest as entity fetches', () => {
    const { node } = planned(planner.plan(admitted(CHANGES), player));
    expect(node.primary.serviceName).toBe('inventory');
    expect(node.primary.operation).toMatch(/^subscription/);
    const rest = JSON.stringify(node.rest);
    expect(rest).toContain('"serviceName":"catalog"');
    expect(rest).toContain('"serviceName":"identity"');
  });

  it('keys a subscription by document and variables, whatever their order', () => {
    const document = parse(
      'subscription ($u: ID, $v: Boolean!) { inventoryChanged(userId: $u) { delta quantity @include(if: $v) } }',
    );
    const one = planned(planner.plan(admitted(document, { u: '1', v: true }), player));
    const same = planned(planner.plan(admitted(document, { v: true, u: '1' }), player));
    const other = planned(planner.plan(admitted(document, { u: '1', v: false }), player));
    expect(same.key).toBe(one.key);
    expect(other.key).not.toBe(one.key);
  });

  it('validates again what was admitted against a supergraph since replaced', () => {
    const older = buildSchema('type Query { a: Int } type Subscription { nope: Int }');
    const result = planner.plan(admitted(parse('subscription { nope }'), {}, older), player);
    expect(codesOf(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('applies @authenticated before planning: an anonymous caller gets nothing planned', () => {
    expect(codesOf(planner.plan(admitted(CHANGES), null))).toEqual(['UNAUTHENTICATED']);
  });
});
