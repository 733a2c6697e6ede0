import { rename, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, postGraphQL } from '../support/http.ts';
import { startTestStack, type TestStack } from '../support/startTestStack.ts';

const PRICE_QUERY = '{ product(id: "1") { name price } }';

describe('supergraph hot reload', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ withPrice: false });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const priceIsServed = async () => {
    const { body } = await postGraphQL(stack.router.url, PRICE_QUERY);
    return body.errors === undefined;
  };

  it('starts without the new field', async () => {
    const { body } = await postGraphQL(stack.router.url, PRICE_QUERY);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('keeps serving the current supergraph when the file is replaced by a broken one', async () => {
    await writeFile(stack.supergraphPath, 'schema { this is not a supergraph');
    // Give the watcher time to see and refuse it (debounce is 100 ms).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { body } = await postGraphQL(stack.router.url, '{ product(id: "1") { name } }');
    expect(body).toEqual({ data: { product: { name: 'Potion' } } });
    const ready = await fetch(new URL('/health/ready', stack.router.url));
    expect(ready.status).toBe(200);
  });

  it('keeps serving the current supergraph when the gateway refuses the new one', async () => {
    // A SECURITY feature version the router does not know: it keeps its purpose, so the
    // gateway refuses the file rather than ignore what it protects.
    const refused = stack
      .compose({ withPrice: true, secured: true })
      .replace('authenticated/v0.1', 'authenticated/v0.9');
    await writeFile(stack.supergraphPath, refused);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { body } = await postGraphQL(stack.router.url, PRICE_QUERY);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(stack.router.supergraph.securityFeatures).toEqual([]);
  });

  it('serves a field added to the supergraph file, within a bounded time', async () => {
    await writeFile(stack.supergraphPath, stack.compose({ withPrice: true }));
    expect(await eventually(priceIsServed)).toBe(true);
    const { body } = await postGraphQL(stack.router.url, PRICE_QUERY);
    expect(body).toEqual({ data: { product: { name: 'Potion', price: 50 } } });
  });

  it('follows a file replaced by rename, as atomic writers do', async () => {
    const staging = `${stack.supergraphPath}.tmp`;
    await writeFile(staging, stack.compose({ withPrice: false }));
    await rename(staging, stack.supergraphPath);
    expect(await eventually(async () => !(await priceIsServed()))).toBe(true);
  });

  it('enforces the authorization directives of a reloaded supergraph', async () => {
    await writeFile(stack.supergraphPath, stack.compose({ withPrice: true, secured: true }));
    const secretIsGuarded = async () => {
      const { body } = await postGraphQL(stack.router.url, '{ products { id } secret }');
      return body.errors?.[0]?.extensions?.['code'] === 'UNAUTHENTICATED';
    };
    expect(await eventually(secretIsGuarded)).toBe(true);
    const { body } = await postGraphQL(stack.router.url, '{ products { id } secret }');
    expect(body.data).toEqual({ products: [{ id: '1' }, { id: '2' }], secret: null });
  });
});
