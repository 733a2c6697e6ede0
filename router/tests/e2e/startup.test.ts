import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@play-economy/chassis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src/index.ts';
import { composeSupergraph } from '../support/composeSupergraph.ts';
import { productsSdl, TEST_ROUTER_SECRET, unusedUrl } from '../support/testSubgraphs.ts';

describe('router start-up failures', () => {
  let directory: string;
  const logger = createLogger({ service: 'router', level: 'silent' });
  const start = (supergraphPath: string, port = 0) =>
    createRouter({
      supergraphPath,
      port,
      host: '127.0.0.1',
      logger,
      routerSecret: TEST_ROUTER_SECRET,
    });

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'router-startup-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('names a missing supergraph file', async () => {
    const supergraphPath = join(directory, 'missing.graphql');
    await expect(start(supergraphPath)).rejects.toMatchObject({
      message: `could not load the supergraph ${supergraphPath}`,
      cause: { message: 'cannot read the file', cause: { code: 'ENOENT' } },
    });
  });

  it('names a file that is not a supergraph', async () => {
    const supergraphPath = join(directory, 'plain.graphql');
    await writeFile(supergraphPath, 'type Query { hello: String }');
    await expect(start(supergraphPath)).rejects.toMatchObject({
      message: `could not load the supergraph ${supergraphPath}`,
      cause: { message: 'not a usable supergraph', cause: { message: /not a supergraph/ } },
    });
  });

  it('passes on why the gateway refuses a supergraph', async () => {
    const supergraphPath = join(directory, 'unsupported.graphql');
    const sdl = composeSupergraph([
      { name: 'products', url: 'http://products/graphql', sdl: productsSdl({ secured: true }) },
    ]);
    // A SECURITY feature version the router does not enforce stays the gateway's to refuse.
    await writeFile(supergraphPath, sdl.replace('authenticated/v0.1', 'authenticated/v0.9'));
    await expect(start(supergraphPath)).rejects.toMatchObject({
      message: `could not load the supergraph ${supergraphPath}`,
      cause: {
        message: expect.stringContaining('authenticated/v0.9 is for: SECURITY but is unsupported'),
      },
    });
  });

  it('frees its port when it cannot start', async () => {
    const supergraphPath = join(directory, 'missing.graphql');
    const port = Number(new URL(await unusedUrl()).port);
    await expect(start(supergraphPath, port)).rejects.toThrow();
    // Bound again without EADDRINUSE: the first attempt closed its server.
    await expect(start(supergraphPath, port)).rejects.toMatchObject({
      cause: { message: 'cannot read the file' },
    });
  });
});
