import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { COMMON_SDL_PATH } from '@play-economy/chassis/schema';
import { parse } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptSchemaChanges } from '../../schema/acceptSchemaChanges.ts';
import { checkSchema, type SchemaCheckReport } from '../../schema/checkSchema.ts';
import { composeSchema } from '../../schema/composeSchema.ts';
import { aRepositoryCopy, CATALOG_SDL, type RepositoryCopy } from '../support/aRepositoryCopy.ts';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The check with generated code treated as current (covered by codegen's own --check). */
const check = (repo: RepositoryCopy) =>
  checkSchema(repo.files, { checkGeneratedCode: async () => ({ state: 'fresh' }) });

const kinds = (report: SchemaCheckReport) => report.problems.map(({ kind }) => kind);

const removePrice = (sdl: string) =>
  sdl.replace('  "Price of one unit in gil."\n  price: Int!\n', '');

describe('schema workflow', () => {
  let repo: RepositoryCopy;

  beforeEach(async () => {
    repo = await aRepositoryCopy();
  });

  afterEach(async () => {
    await repo.remove();
  });

  it('composes the supergraph and creates the baseline, after which the check passes', async () => {
    const report = await composeSchema(repo.files);
    expect(report).toMatchObject({ ok: true, supergraphChanged: true, baseline: 'created' });
    expect(await repo.read(repo.files.supergraph)).toContain('@join__graph(name: "inventory"');
    const baseline = await repo.read(repo.files.baseline);
    expect(baseline).toContain('ownedQuantity: Int!');
    expect(baseline).not.toContain('join__');
    // Sorted, so declaration order does not matter.
    expect(baseline.indexOf('type Item ')).toBeLessThan(baseline.indexOf('type Query'));
    expect(baseline.indexOf('  id: ID!')).toBeLessThan(baseline.indexOf('  name: String!'));

    expect(await check(repo)).toEqual({ problems: [], warnings: [], generatedCode: 'fresh' });
    expect(await composeSchema(repo.files)).toMatchObject({
      supergraphChanged: false,
      publishedChanged: [],
      baseline: 'unchanged',
    });
  });

  it("publishes each subgraph's whole SDL, shared definitions first, where rover.yaml names it", async () => {
    const published = join(repo.files.root, 'schema', 'subgraphs', 'catalog.graphql');
    const report = await composeSchema(repo.files);
    expect(report).toMatchObject({ ok: true, publishedChanged: [published, expect.any(String)] });

    const sdl = await repo.read(published);
    expect(sdl.startsWith(await readFile(COMMON_SDL_PATH, 'utf8'))).toBe(true);
    expect(sdl.endsWith(CATALOG_SDL)).toBe(true);
    // What was published composes on its own, as Rover composes it.
    const services = ['catalog', 'inventory'].map(async (name) => ({
      name,
      typeDefs: parse(
        await repo.read(join(repo.files.root, 'schema', 'subgraphs', `${name}.graphql`)),
      ),
    }));
    const composed = composeServices(await Promise.all(services));
    expect(composed.errors).toBeUndefined();
    expect(composed.supergraphSdl).toContain('directive @cacheControl');
  });

  it('fails on a removed field, naming it, and keeps the baseline', async () => {
    await composeSchema(repo.files);
    const baselineBefore = await repo.read(repo.files.baseline);
    await repo.editSubgraph('catalog', removePrice);

    const report = await check(repo);
    expect(kinds(report)).toEqual(['stale-supergraph', 'breaking-changes']);
    const breaking = report.problems[1];
    expect(breaking?.details).toEqual([
      "Field 'price' was removed from object type 'Item' (Item.price)",
    ]);
    expect(breaking?.fix).toContain('npm run schema:accept -- --reason');

    const composed = await composeSchema(repo.files);
    expect(composed).toMatchObject({ ok: true, supergraphChanged: true, baseline: 'kept' });
    expect(await repo.read(repo.files.baseline)).toBe(baselineBefore);
    expect(kinds(await check(repo))).toEqual(['breaking-changes']);
  });

  it('fails when an argument becomes required', async () => {
    await composeSchema(repo.files);
    await repo.editSubgraph('catalog', (sdl) => sdl.replace('search: String)', 'search: String!)'));
    await composeSchema(repo.files);

    const report = await check(repo);
    expect(kinds(report)).toEqual(['breaking-changes']);
    expect(report.problems[0]?.details).toEqual([
      "Type for argument 'search' on field 'Query.items' changed from 'String' to 'String!' (Query.items.search)",
    ]);
  });

  it('accepts breaking changes with a reason, recording them in the changelog', async () => {
    await composeSchema(repo.files);
    await repo.editSubgraph('catalog', removePrice);
    await composeSchema(repo.files);

    const report = await acceptSchemaChanges(repo.files, {
      reason: 'Prices move to the trading subgraph',
      date: new Date('2026-11-22T12:00:00Z'),
    });
    expect(report).toMatchObject({ ok: true, accepted: [{ path: 'Item.price' }] });
    expect(await repo.read(repo.files.baseline)).not.toContain('price');
    const changelog = await repo.read(repo.files.changelog);
    expect(changelog).toContain('# Schema changelog');
    expect(changelog).toContain(
      "## 2026-11-22: Prices move to the trading subgraph\n\n- Field 'price' was removed from object type 'Item' (Item.price)\n",
    );
    expect(await check(repo)).toMatchObject({ problems: [] });

    // A second acceptance appends; nothing left to accept changes nothing.
    expect(await acceptSchemaChanges(repo.files, { reason: 'again' })).toEqual({
      ok: true,
      accepted: [],
    });
    expect(await repo.read(repo.files.changelog)).toBe(changelog);
  });

  it('passes an additive change as non-breaking once composed', async () => {
    await composeSchema(repo.files);
    await repo.editSubgraph('catalog', (sdl) =>
      sdl.replace('  name: String!\n', '  name: String!\n  rarity: String\n'),
    );

    const before = await check(repo);
    expect(kinds(before)).toEqual(['stale-supergraph', 'stale-baseline']);
    expect(before.problems[1]?.details).toEqual([
      "Field 'rarity' was added to object type 'Item' (Item.rarity)",
    ]);
    expect(before.problems.map(({ fix }) => fix)).toEqual(['npm run compose', 'npm run compose']);

    expect(await composeSchema(repo.files)).toMatchObject({ baseline: 'updated', breaking: [] });
    expect(await check(repo)).toMatchObject({ problems: [] });
  });

  it('warns about dangerous changes without failing', async () => {
    await composeSchema(repo.files);
    await repo.editSubgraph('catalog', (sdl) => sdl.replace('first: Int = 20', 'first: Int = 10'));
    expect(await composeSchema(repo.files)).toMatchObject({ baseline: 'updated' });
    await repo.editSubgraph('catalog', (sdl) => sdl.replace('first: Int = 10', 'first: Int = 5'));
    const composed = await composeSchema(repo.files);
    expect(composed).toMatchObject({
      baseline: 'updated',
      dangerous: [{ path: 'Query.items.first' }],
    });
  });

  it('reports composition errors with their codes and writes nothing', async () => {
    await repo.editSubgraph('inventory', (sdl) => sdl.replace('ownedQuantity: Int!', 'name: Int!'));
    const composed = await composeSchema(repo.files);
    expect(composed.ok).toBe(false);
    expect(!composed.ok && composed.errors.map(({ code }) => code)).toContain(
      'INVALID_FIELD_SHARING',
    );
    expect(await exists(repo.files.supergraph)).toBe(false);
    expect(await exists(repo.files.baseline)).toBe(false);

    const report = await check(repo);
    expect(kinds(report)).toEqual(['composition']);
    expect(report.problems[0]?.details.join('\n')).toMatch(/\[INVALID_FIELD_SHARING\].*Item\.name/);
  });

  it('reports a subgraph schema that is not valid GraphQL', async () => {
    await repo.writeSubgraph('inventory', 'type Item {');
    const report = await check(repo);
    expect(report.problems[0]?.details[0]).toMatch(
      /^\[INVALID_GRAPHQL\] \[inventory\] Syntax Error/,
    );
  });

  it('detects a stale supergraph', async () => {
    await composeSchema(repo.files);
    await repo.writeConfig({ catalogUrl: 'http://catalog:4001/graphql' });
    const report = await check(repo);
    expect(report.problems).toEqual([
      {
        kind: 'stale-supergraph',
        summary: 'schema/supergraph.graphql is not what the subgraph schemas compose to now.',
        details: [],
        fix: 'npm run compose',
      },
    ]);
  });

  it('detects a missing supergraph and baseline', async () => {
    expect(kinds(await check(repo))).toEqual(['stale-supergraph', 'missing-baseline']);
  });

  it('fails when generated code is stale', async () => {
    await composeSchema(repo.files);
    const report = await checkSchema(repo.files, {
      checkGeneratedCode: async () => ({
        state: 'stale',
        output: 'subgraphs/catalog/src/graphql/types.generated.ts',
      }),
    });
    expect(report.problems).toEqual([
      {
        kind: 'stale-generated-code',
        summary: 'Generated code is out of date with the schemas.',
        details: ['subgraphs/catalog/src/graphql/types.generated.ts'],
        fix: 'npm run codegen',
      },
    ]);
  });

  it('treats a missing codegen.ts as nothing to check', async () => {
    await composeSchema(repo.files);
    expect(await checkSchema(repo.files)).toEqual({
      problems: [],
      warnings: [],
      generatedCode: 'absent',
    });
  });

  it('requires rover.yaml to pin the installed composition version', async () => {
    await composeSchema(repo.files);
    await repo.writeConfig({ federationVersion: '=2.9.3' });
    const report = await check(repo);
    expect(kinds(report)).toEqual(['federation-version']);
    expect(report.problems[0]?.summary).toMatch(
      /federation_version is =2\.9\.3 but @apollo\/composition is 2\.\d+\.\d+/,
    );
  });
});
