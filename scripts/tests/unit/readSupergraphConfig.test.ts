import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSupergraphConfig } from '@play-economy/local-stack/supergraph-config';

describe('readSupergraphConfig', () => {
  let directory: string;
  const write = async (yaml: string) => {
    const path = join(directory, 'rover.yaml');
    await writeFile(path, yaml);
    return path;
  };

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'rover-config-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads subgraphs with published schema files relative to the config file, and finds their own SDL', async () => {
    const path = await write(
      'federation_version: =2.14.4\nsubgraphs:\n  catalog:\n    routing_url: http://localhost:4001/graphql\n    schema:\n      file: ./catalog.graphql\n',
    );
    expect(await readSupergraphConfig(path)).toEqual({
      path,
      federationVersion: '=2.14.4',
      subgraphs: [
        {
          name: 'catalog',
          routingUrl: 'http://localhost:4001/graphql',
          schemaPath: join(directory, 'catalog.graphql'),
          sourcePath: join(directory, 'subgraphs', 'catalog', 'schema.graphql'),
        },
      ],
    });
  });

  it("refuses to publish over a subgraph's own SDL", async () => {
    const path = await write(
      'subgraphs:\n  catalog:\n    routing_url: http://localhost:4001/graphql\n    schema:\n      file: ./subgraphs/catalog/schema.graphql\n',
    );
    await expect(readSupergraphConfig(path)).rejects.toThrow(
      'subgraph catalog: schema.file is where its whole SDL is published (e.g. ./schema/subgraphs/catalog.graphql), not its own subgraphs/catalog/schema.graphql',
    );
  });

  it('refuses schema sources other than files', async () => {
    const path = await write(
      'subgraphs:\n  catalog:\n    routing_url: http://localhost:4001/graphql\n    schema:\n      subgraph_url: http://localhost:4001/graphql\n',
    );
    await expect(readSupergraphConfig(path)).rejects.toThrow(
      'subgraph catalog needs schema.file (other schema sources are not supported)',
    );
  });

  it('refuses a config without subgraphs', async () => {
    const path = await write('federation_version: =2.14.4\n');
    await expect(readSupergraphConfig(path)).rejects.toThrow('subgraphs must map');
  });
});
