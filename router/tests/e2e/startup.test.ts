import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@play-economy/chassis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src/index.ts';
import { unusedUrl } from '../support/testSubgraphs.ts';

describe('router start-up failures', () => {
  let directory: string;
  const logger = createLogger({ service: 'router', level: 'silent' });

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'router-startup-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('names a missing supergraph file', async () => {
    const supergraphPath = join(directory, 'missing.graphql');
    await expect(
      createRouter({ supergraphPath, port: 0, host: '127.0.0.1', logger }),
    ).rejects.toThrow(
      `could not load the supergraph ${supergraphPath}: cannot read the file: ENOENT`,
    );
  });

  it('names a file that is not a supergraph', async () => {
    const supergraphPath = join(directory, 'plain.graphql');
    await writeFile(supergraphPath, 'type Query { hello: String }');
    await expect(
      createRouter({ supergraphPath, port: 0, host: '127.0.0.1', logger }),
    ).rejects.toThrow(`could not load the supergraph ${supergraphPath}: not a usable supergraph`);
  });

  it('frees its port when it cannot start', async () => {
    const supergraphPath = join(directory, 'missing.graphql');
    const port = Number(new URL(await unusedUrl()).port);
    await expect(
      createRouter({ supergraphPath, port, host: '127.0.0.1', logger }),
    ).rejects.toThrow();
    await expect(createRouter({ supergraphPath, port, host: '127.0.0.1', logger })).rejects.toThrow(
      'cannot read the file',
    );
  });
});
