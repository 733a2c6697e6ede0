import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../support/composeSupergraph.ts';
import { postGraphQL } from '../support/http.ts';
import {
  productsSdl,
  reviewsSdl,
  startProducts,
  startReviews,
  type TestSubgraph,
} from '../support/testSubgraphs.ts';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/** Runs `router/src/main.ts` the way `npm start` does, with the given arguments and env. */
function runMain(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The first JSON log line whose `msg` is `message`. */
async function logLine(child: ChildProcess, message: string): Promise<Record<string, unknown>> {
  for await (const line of createInterface({ input: child.stdout! })) {
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (entry['msg'] === message) return entry;
  }
  throw new Error(`process ended without logging "${message}"`);
}

describe('router main', () => {
  let products: TestSubgraph;
  let reviews: TestSubgraph;
  let directory: string;
  let supergraphPath: string;

  beforeAll(async () => {
    [products, reviews] = await Promise.all([startProducts(), startReviews()]);
    directory = await mkdtemp(join(tmpdir(), 'router-main-'));
    supergraphPath = join(directory, 'supergraph.graphql');
    await writeFile(
      supergraphPath,
      composeSupergraph([
        { name: 'products', url: products.url, sdl: productsSdl() },
        { name: 'reviews', url: reviews.url, sdl: reviewsSdl },
      ]),
    );
  });

  afterAll(async () => {
    await Promise.all([products?.stop(), reviews?.stop()]);
    await rm(directory, { recursive: true, force: true });
  });

  it('serves the supergraph named by --supergraph and stops on SIGTERM', async () => {
    const child = runMain(['--supergraph', supergraphPath], {
      ROUTER_PORT: '0',
      ROUTER_HOST: '127.0.0.1',
      SUPERGRAPH_PATH: join(directory, 'not-this-one.graphql'),
    });
    const ready = await logLine(child, 'router ready');
    const { body } = await postGraphQL(String(ready['url']), '{ products { name } }');
    expect(body).toEqual({ data: { products: [{ name: 'Potion' }, { name: 'Ether' }] } });

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('exits 1 with a clear message when it cannot start', async () => {
    const missing = join(directory, 'missing.graphql');
    const child = runMain([], { ROUTER_PORT: '0', SUPERGRAPH_PATH: missing });
    const failure = await logLine(child, 'router failed to start');
    expect(failure['level']).toBe('fatal');
    expect(failure['err']).toMatchObject({
      message: `could not load the supergraph ${missing}: cannot read the file: ENOENT: no such file or directory, open '${missing}'`,
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
  });

  it('exits 1 naming a bad setting', async () => {
    const child = runMain([], { ROUTER_PORT: 'abc', SUBGRAPH_URLS: 'reviews' });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output).toContain('ROUTER_PORT');
    expect(output).toContain('SUBGRAPH_URLS: \\"reviews\\" is not of the form name=url');
  });
});
