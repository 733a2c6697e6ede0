import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_UNAVAILABLE_MESSAGE } from '../../src/errors/createRouterErrorFormatter.ts';
import { postGraphQL } from '../support/http.ts';
import { startTestStack, type TestStack } from '../support/startTestStack.ts';
import { unusedUrl } from '../support/testSubgraphs.ts';

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

  it('gives a clear error without connection details', async () => {
    const { status, text, body } = await postGraphQL(stack.router.url, SPANNING_QUERY);
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      { message: SUBGRAPH_UNAVAILABLE_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    for (const detail of ['127.0.0.1', 'ECONNREFUSED', 'fetch failed', 'reviews', 'serviceName']) {
      expect(text).not.toContain(detail);
    }
  });

  it('still serves what the reachable subgraphs own', async () => {
    const { body } = await postGraphQL(stack.router.url, '{ product(id: "1") { name } }');
    expect(body).toEqual({ data: { product: { name: 'Potion' } } });
  });
});
