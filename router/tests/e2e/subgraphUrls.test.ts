import { createLogger } from '@play-economy/chassis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src/index.ts';
import { SUBGRAPH_UNAVAILABLE_MESSAGE } from '../../src/errors/createRouterErrorFormatter.ts';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../src/pipeline/OperationPipeline.ts';
import { postGraphQL } from '../support/http.ts';
import { startTestStack, type TestStack } from '../support/startTestStack.ts';
import {
  startHttpStub,
  TEST_ROUTER_SECRET,
  unusedUrl,
  type TestSubgraph,
} from '../support/testSubgraphs.ts';

const SPANNING_QUERY = '{ product(id: "1") { name reviews { body } } }';

describe('subgraph URL overrides', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // The supergraph says reviews lives where nothing listens; the override says where it is.
    stack = await startTestStack({
      reviewsUrl: await unusedUrl(),
      router: ({ reviews }) => ({ subgraphUrls: { reviews: reviews.url } }),
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('routes to the overriding URL', async () => {
    const { body } = await postGraphQL(stack.router.url, SPANNING_QUERY);
    expect(body).toEqual({
      data: { product: { name: 'Potion', reviews: [{ body: 'Heals well' }] } },
    });
  });
});

describe('an unreachable subgraph', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ reviewsUrl: await unusedUrl() });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('gives a clear error without connection details, and 503 when nothing was answered', async () => {
    const response = await fetch(stack.router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SPANNING_QUERY }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    expect(body.data).toEqual({ product: null });
    expect(body.errors).toEqual([
      { message: SUBGRAPH_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } },
    ]);
    for (const detail of ['127.0.0.1', 'ECONNREFUSED', 'fetch failed', 'reviews', 'serviceName']) {
      expect(text).not.toContain(detail);
    }
  });

  it('still serves what the reachable subgraphs own', async () => {
    const { body } = await postGraphQL(stack.router.url, '{ product(id: "1") { name } }');
    expect(body).toEqual({ data: { product: { name: 'Potion' } } });
  });

  it('keeps what other subgraphs answered, with 200', async () => {
    const { status, body } = await postGraphQL(
      stack.router.url,
      '{ products { name } product(id: "1") { reviews { body } } }',
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ products: [{ name: 'Potion' }, { name: 'Ether' }], product: null });
    expect(body.errors).toEqual([
      { message: SUBGRAPH_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } },
    ]);
  });
});

describe('a subgraph answering HTTP errors', () => {
  let stack: TestStack;
  const stubs = new Map<number, TestSubgraph>();

  beforeAll(async () => {
    for (const status of [401, 503]) stubs.set(status, await startHttpStub(status));
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.stop();
    await Promise.all([...stubs.values()].map((stub) => stub.stop()));
  });

  /** A router whose reviews subgraph is the stub answering `status`. */
  const routerTo = async (status: number) => {
    return createRouter({
      supergraphPath: stack.supergraphPath,
      port: 0,
      host: '127.0.0.1',
      subgraphUrls: { reviews: stubs.get(status)?.url ?? '' },
      routerSecret: TEST_ROUTER_SECRET,
      logger: createLogger({ service: 'router', level: 'silent' }),
    });
  };

  it('hides a 401, about the router and not the client, behind INTERNAL_SERVER_ERROR', async () => {
    const router = await routerTo(401);
    try {
      const { text, body } = await postGraphQL(router.url, SPANNING_QUERY);
      expect(body.errors).toEqual([
        { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
      for (const detail of ['s3cr3t', '127.0.0.1', 'UNAUTHENTICATED', 'response']) {
        expect(text).not.toContain(detail);
      }
    } finally {
      await router.stop();
    }
  });

  it('reads a 503 as an unavailable subgraph', async () => {
    const router = await routerTo(503);
    try {
      const { text, body } = await postGraphQL(router.url, SPANNING_QUERY);
      expect(body.errors).toEqual([
        { message: SUBGRAPH_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } },
      ]);
      expect(text).not.toContain('s3cr3t');
    } finally {
      await router.stop();
    }
  });
});
