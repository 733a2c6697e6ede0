import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { Role, type Viewer } from '@play-economy/chassis/web';
import { parse, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
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
    const { node } = planned(planner.plan(CHANGES, undefined, {}, player));
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
    const one = planned(planner.plan(document, undefined, { u: '1', v: true }, player));
    const same = planned(planner.plan(document, undefined, { v: true, u: '1' }, player));
    const other = planned(planner.plan(document, undefined, { u: '1', v: false }, player));
    expect(same.key).toBe(one.key);
    expect(other.key).not.toBe(one.key);
  });

  it('refuses what is not a valid subscription, with the codes HTTP uses', () => {
    expect(codesOf(planner.plan(parse('{ me { id } }'), undefined, {}, player))).toEqual([
      'BAD_REQUEST',
    ]);
    expect(codesOf(planner.plan(parse('subscription { nope }'), undefined, {}, player))).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    expect(codesOf(planner.plan(CHANGES, undefined, { u: { not: 'an id' } }, player))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('applies @authenticated before planning: an anonymous caller gets nothing planned', () => {
    expect(codesOf(planner.plan(CHANGES, undefined, {}, null))).toEqual(['UNAUTHENTICATED']);
  });
});
