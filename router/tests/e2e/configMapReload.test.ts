/**
 * The router reloads a supergraph mounted from a Kubernetes ConfigMap (deploy/helm/play-economy):
 * the kubelet never rewrites the file, it swaps the `..data` symlink the file points through.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, postGraphQL } from '../support/http.ts';
import { startTestStack, type TestStack } from '../support/startTestStack.ts';
import { writeConfigMapVolume } from '../support/writeConfigMapVolume.ts';

const PRICE_QUERY = '{ product(id: "1") { name price } }';

describe('supergraph from a ConfigMap volume', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ withPrice: false, configMapVolume: true });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const priceIsServed = async () => {
    const { body } = await postGraphQL(stack.router.url, PRICE_QUERY);
    return body.errors === undefined;
  };
  const update = (sdl: string) =>
    writeConfigMapVolume(dirname(stack.supergraphPath), { 'supergraph.graphql': sdl });

  it('serves the supergraph the volume holds', async () => {
    expect(await readdir(dirname(stack.supergraphPath))).toEqual(
      expect.arrayContaining(['..data', 'supergraph.graphql']),
    );
    const { body } = await postGraphQL(stack.router.url, PRICE_QUERY);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('reloads when the kubelet swaps ..data to a new version', async () => {
    await update(stack.compose({ withPrice: true }));
    expect(await readFile(stack.supergraphPath, 'utf8')).toContain('price');
    expect(await eventually(priceIsServed)).toBe(true);
    const { body } = await postGraphQL(stack.router.url, PRICE_QUERY);
    expect(body).toEqual({ data: { product: { name: 'Potion', price: 50 } } });
  });

  it('follows a second swap, and a third, back and forth', async () => {
    await update(stack.compose({ withPrice: false }));
    expect(await eventually(async () => !(await priceIsServed()))).toBe(true);
    await update(stack.compose({ withPrice: true }));
    expect(await eventually(priceIsServed)).toBe(true);
    // The kubelet removed the versions it replaced: one timestamped folder is left.
    const versions = (await readdir(dirname(stack.supergraphPath))).filter((entry) =>
      /^\.\.\d/.test(entry),
    );
    expect(versions).toHaveLength(1);
  });

  it('keeps serving the current supergraph when a broken version is swapped in', async () => {
    await update('schema { this is not a supergraph');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await priceIsServed()).toBe(true);
    await update(stack.compose({ withPrice: false }));
    expect(await eventually(async () => !(await priceIsServed()))).toBe(true);
  });
});
