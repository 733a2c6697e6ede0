import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphqlMetricsPlugin } from '../../src/metrics/graphqlMetricsPlugin.ts';
import { ServiceMetrics } from '../../src/metrics/ServiceMetrics.ts';

const metrics = new ServiceMetrics('test', { defaultMetrics: false });
const server = new ApolloServer({
  typeDefs: 'type Query { ok: Boolean, broken: Boolean }',
  resolvers: {
    Query: {
      ok: () => true,
      broken: () => {
        throw new Error('no');
      },
    },
  },
  plugins: [graphqlMetricsPlugin(metrics)],
});

beforeAll(() => server.start());
afterAll(() => server.stop());

async function count(labels: Record<string, string>): Promise<number> {
  const metric = await metrics.registry.getSingleMetric('graphql_requests_total')!.get();
  return metric.values
    .filter((sample) =>
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .reduce((sum, sample) => sum + sample.value, 0);
}

it('counts operations by name, type and outcome, and times them', async () => {
  await server.executeOperation({ query: 'query Fine { ok }' });
  await server.executeOperation({ query: 'query Fine { ok }' });
  await server.executeOperation({ query: 'query Failing { broken }' });
  await server.executeOperation({ query: '{ ok }' });
  expect(await count({ operation_name: 'Fine', operation_type: 'query', outcome: 'success' })).toBe(
    2,
  );
  expect(await count({ operation_name: 'Failing', outcome: 'error' })).toBe(1);
  expect(await count({ operation_name: 'anonymous', outcome: 'success' })).toBe(1);
  const histogram = await metrics.registry
    .getSingleMetric('graphql_request_duration_seconds')!
    .get();
  const fineCount = histogram.values.find(
    (sample) =>
      (sample as { metricName?: string }).metricName === 'graphql_request_duration_seconds_count' &&
      sample.labels['operation_name'] === 'Fine',
  );
  expect(fineCount?.value).toBe(2);
});

it('bounds operation names as label values', async () => {
  for (let n = 0; n < 210; n += 1) {
    await server.executeOperation({ query: `query Generated${n} { ok }` });
  }
  const metric = await metrics.registry.getSingleMetric('graphql_requests_total')!.get();
  const names = new Set(metric.values.map((sample) => sample.labels['operation_name']));
  // 200 names kept, plus `anonymous` and `other`.
  expect(names.size).toBe(202);
  expect(await count({ operation_name: 'other' })).toBeGreaterThan(0);
});
