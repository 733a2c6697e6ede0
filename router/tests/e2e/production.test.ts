import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/http.ts';
import { startTestStack, type TestStack } from '../support/startTestStack.ts';

describe('router in production', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      router: { introspection: false, landingPage: 'production' },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('does not serve the Sandbox to browsers', async () => {
    const response = await fetch(stack.router.url, { headers: { accept: 'text/html' } });
    const html = await response.text();
    // The Sandbox is an embedded script; the production page only links Apollo's static page.
    expect(html).not.toContain('embeddable-sandbox.umd');
  });

  it('refuses introspection', async () => {
    const { status, body } = await postGraphQL(stack.router.url, '{ __schema { types { name } } }');
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/introspection has been disabled/i);
  });

  it('still answers ordinary queries', async () => {
    const { body } = await postGraphQL(
      stack.router.url,
      '{ product(id: "2") { name reviews { body } } }',
    );
    expect(body).toEqual({ data: { product: { name: 'Ether', reviews: [] } } });
  });
});

describe('router with the landing page disabled', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ router: { introspection: false, landingPage: 'disabled' } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('serves no HTML at all', async () => {
    const response = await fetch(stack.router.url, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
  });
});
