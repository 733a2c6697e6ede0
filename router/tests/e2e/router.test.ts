import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/http.ts';
import { readMetric } from '@play-economy/chassis/testing';
import { startTestStack, type TestStack } from '../support/startTestStack.ts';
import { LEAKY_MESSAGE } from '../support/testSubgraphs.ts';

describe('router in development', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ withPrice: true, secured: true });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers a query spanning both subgraphs', async () => {
    const { status, body } = await postGraphQL(
      stack.router.url,
      'query ($id: ID!) { product(id: $id) { name price reviews { body stars } } }',
      { id: '1' },
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { product: { name: 'Potion', price: 50, reviews: [{ body: 'Heals well', stars: 5 }] } },
    });
  });

  it('answers GET queries that carry a preflight header', async () => {
    const query = encodeURIComponent('{ products { id reviews { stars } } }');
    const response = await fetch(`${stack.router.url}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: {
        products: [
          { id: '1', reviews: [{ stars: 5 }] },
          { id: '2', reviews: [] },
        ],
      },
    });
  });

  it('refuses a GET a browser could send cross-site (CSRF prevention)', async () => {
    const query = encodeURIComponent('{ products { id } }');
    const response = await fetch(`${stack.router.url}?query=${query}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
  });

  it('refuses mutations over GET', async () => {
    const query = encodeURIComponent('mutation { __typename }');
    const response = await fetch(`${stack.router.url}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
  });

  it('parses and plans an operation once, counting cache hits and misses at /metrics', async () => {
    const lookups = async () => {
      const count = (cache: string, outcome: string) =>
        readMetric(stack.router.url, 'router_operation_cache_lookups_total', { cache, outcome });
      return {
        documentHits: await count('document', 'hit'),
        documentMisses: await count('document', 'miss'),
        planHits: await count('plan', 'hit'),
        planMisses: await count('plan', 'miss'),
      };
    };
    const query = '{ products { id name } metricsProbe: products { id } }';
    const before = await lookups();
    await postGraphQL(stack.router.url, query);
    await postGraphQL(stack.router.url, query);
    const after = await lookups();
    expect(after.documentMisses - before.documentMisses).toBe(1);
    expect(after.documentHits - before.documentHits).toBe(1);
    expect(after.planMisses - before.planMisses).toBe(1);
    expect(after.planHits - before.planHits).toBe(1);
  });

  it('reports liveness and readiness', async () => {
    const base = new URL(stack.router.url).origin;
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { supergraph: 'ok' } });
  });

  it('serves the Sandbox landing page to browsers', async () => {
    const response = await fetch(stack.router.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('embeddable-sandbox.umd');
  });

  it('answers introspection', async () => {
    const { body } = await postGraphQL(stack.router.url, '{ __schema { queryType { name } } }');
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('hides an unexpected subgraph error behind INTERNAL_SERVER_ERROR', async () => {
    const { status, text, body } = await postGraphQL(stack.router.url, '{ boom products { id } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ boom: null, products: [{ id: '1' }, { id: '2' }] });
    expect(body.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['boom'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    for (const secret of [LEAKY_MESSAGE, 'hunter2', 'stacktrace', 'serviceName', 'at ']) {
      expect(text).not.toContain(secret);
    }
  });

  it('passes a subgraph error with a client-facing code through unchanged', async () => {
    const { body } = await postGraphQL(stack.router.url, '{ missing }');
    expect(body.errors).toEqual([
      {
        message: 'Product 9 does not exist',
        path: ['missing'],
        extensions: { code: 'NOT_FOUND', entity: 'Product', id: '9' },
      },
    ]);
  });

  it('keeps client mistakes visible', async () => {
    const { status, body } = await postGraphQL(stack.router.url, '{ products { nope } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toContain('nope');
  });

  it('reads a body sent in many chunks, and refuses one past 1 MiB with 413', async () => {
    const query = 'query ($id: ID!) { product(id: $id) { name } }';
    const body = JSON.stringify({ query, variables: { id: '1', padding: 'x'.repeat(200_000) } });
    const chunked = await fetch(stack.router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // A stream: no content-length, the body arrives in several chunks.
      body: new Blob([body]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(200);
    expect(await chunked.json()).toEqual({ data: { product: { name: 'Potion' } } });

    const huge = JSON.stringify({
      query,
      variables: { id: '1', padding: 'x'.repeat(1024 * 1024) },
    });
    for (const stream of [false, true]) {
      const refused = await fetch(stack.router.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream ? new Blob([huge]).stream() : huge,
        duplex: 'half',
      } as RequestInit);
      expect(refused.status).toBe(413);
      const { errors } = (await refused.json()) as { errors: { extensions: { code: string } }[] };
      expect(errors[0]?.extensions.code).toBe('BAD_REQUEST');
    }
  });

  it('forwards the request id of the caller to subgraphs and echoes it', async () => {
    const response = await fetch(stack.router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-42' },
      body: JSON.stringify({ query: '{ requestId }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-me-42');
    expect(await response.json()).toEqual({ data: { requestId: 'trace-me-42' } });
  });

  it('gives a request without an id a fresh one, and replaces an unsafe one', async () => {
    for (const headers of [{}, { 'x-request-id': 'bad id\twith spaces' }]) {
      const { body, headers: responseHeaders } = await postGraphQL(
        stack.router.url,
        '{ requestId }',
        {},
        headers,
      );
      const id = responseHeaders.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(body).toEqual({ data: { requestId: id } });
    }
  });

  it('reuses pooled keep-alive connections to subgraphs', async () => {
    const before = stack.reviews.connections();
    for (let i = 0; i < 10; i += 1) {
      const { body } = await postGraphQL(stack.router.url, '{ products { reviews { stars } } }');
      expect(body.errors).toBeUndefined();
    }
    expect(stack.reviews.connections() - before).toBeLessThanOrEqual(1);
  });

  it('serves a supergraph that links SECURITY features, and reports them', async () => {
    expect(stack.router.supergraph.securityFeatures).toEqual([
      {
        url: 'https://specs.apollo.dev/authenticated/v0.1',
        name: 'authenticated',
        version: 'v0.1',
        directiveName: 'authenticated',
      },
      {
        url: 'https://specs.apollo.dev/requiresScopes/v0.1',
        name: 'requiresScopes',
        version: 'v0.1',
        directiveName: 'requiresScopes',
      },
    ]);
    const { body } = await postGraphQL(stack.router.url, '{ products { name } }');
    expect(body).toEqual({ data: { products: [{ name: 'Potion' }, { name: 'Ether' }] } });
  });
});
