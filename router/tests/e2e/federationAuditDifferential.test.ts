/**
 * The router against the reference it is held to, on the federation audit's 46 supergraphs:
 * every test query of every suite goes to the router and to a plain `@apollo/gateway` +
 * `@apollo/server` on the same supergraph, and the answers must be identical (see
 * `diffResponses`). The one exception: the router gives the audit's expected answer and the
 * gateway does not. Those are counted and listed as "gateway wrong".
 *
 * The reference formats errors with the router's own formatter, and is otherwise as the audit
 * runs Apollo Gateway. Which errors clients may read is the router's policy, not its executor's
 * (no internal message reaches a client: a subgraph's error without a public code, or a query
 * planner failure, reads "Internal server error"); with it, both answers are what a client of
 * this router would read, and only execution can tell them apart.
 *
 * Needs the audit installed by `npm run audit`, which `npm test` runs first; without it this
 * file fails. Each executor gets an audit server of its own: the `mutations` suite keeps state
 * in its subgraphs (a category added under a request id cannot be added again), so both
 * executors must start from the same state and see the same operations.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@play-economy/chassis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { federationAuditCache } from '../../../scripts/audit/federationAuditCache.ts';
import { readFederationAuditInstallation } from '../../../scripts/audit/installFederationAudit.ts';
import {
  startFederationAuditServer,
  type RunningFederationAuditServer,
} from '../../../scripts/audit/startFederationAuditServer.ts';
import { createRouterErrorFormatter } from '../../src/errors/createRouterErrorFormatter.ts';
import { createRouter, loadRouterConfig, type RunningRouter } from '../../src/index.ts';
import { diffResponses } from '../support/diffResponses.ts';
import { postGraphQL, type GraphQLResponse } from '../support/http.ts';
import { meetsAuditExpectation, type AuditExpectation } from '../support/meetsAuditExpectation.ts';
import { startPlainGateway } from '../support/startPlainGateway.ts';

const installation = await readFederationAuditInstallation(federationAuditCache.installDir);
const suites = (await readdir(join(installation.auditDir, 'src/test-suites'))).sort();

const silent = createLogger({ service: 'router', level: 'silent' });
let ours: RunningFederationAuditServer | undefined;
let reference: RunningFederationAuditServer | undefined;
let compared = 0;
const gatewayWrong: string[] = [];

async function fetchFrom(server: RunningFederationAuditServer | undefined, path: string) {
  if (!server) throw new Error("the audit's servers did not start");
  const response = await fetch(`${server.url}${path}`);
  if (!response.ok) throw new Error(`GET ${server.url}${path}: HTTP ${response.status}`);
  return response;
}

/** The router as `router/src/main.ts` starts it in production, on its own (no broker, no cache). */
async function startRouter(supergraphSdl: string): Promise<RunningRouter & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'audit-differential-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  await writeFile(supergraphPath, supergraphSdl);
  const config = loadRouterConfig({
    NODE_ENV: 'production',
    ROUTER_SECRET: randomBytes(32).toString('hex'),
    ROUTER_CACHE: 'false',
    // As the reference: field suggestions in validation errors (hidden without introspection).
    INTROSPECTION: 'true',
    // As in the audit: one client sends every query, on supergraphs without @listSize.
    ROUTER_RATE_LIMIT_PER_MINUTE: '0',
    ROUTER_MAX_COST: '0',
  });
  const router = await createRouter({
    ...config,
    supergraphPath,
    port: 0,
    host: '127.0.0.1',
    watchSupergraph: false,
    logger: silent,
  });
  return Object.assign(router, { dir });
}

function format(body: GraphQLResponse['body']): string {
  return JSON.stringify(body, null, 2).replace(/^/gm, '      ');
}

beforeAll(async () => {
  [ours, reference] = await Promise.all([
    startFederationAuditServer(installation),
    startFederationAuditServer(installation),
  ]);
  const served = (await (await fetchFrom(ours, '/ids')).json()) as string[];
  expect([...served].sort(), 'the suites the audit serves are its test-suites/').toEqual(suites);
});

afterAll(async () => {
  await Promise.all([ours?.stop(), reference?.stop()]);
  const listed = gatewayWrong.map((test) => `\n  gateway wrong: ${test}`).join('');
  process.stdout.write(
    `\ndifferential: ${compared} queries compared, ${gatewayWrong.length} gateway wrong${listed}\n`,
  );
});

describe('the federation audit: the router answers as @apollo/gateway does', () => {
  it.each(suites)('%s', async (suite) => {
    const tests = (await (await fetchFrom(ours, `/${suite}/tests`)).json()) as Array<{
      query: string;
      expected: AuditExpectation;
    }>;
    const router = await startRouter(await (await fetchFrom(ours, `/${suite}/supergraph`)).text());
    const mismatches: string[] = [];
    try {
      const gateway = await startPlainGateway(
        await (await fetchFrom(reference, `/${suite}/supergraph`)).text(),
        { formatError: createRouterErrorFormatter(silent) },
      );
      try {
        for (const [index, { query, expected }] of tests.entries()) {
          // One after the other, in the suite's order, as the audit sends them.
          const actual = (await postGraphQL(router.url, query)).body;
          const wanted = (await postGraphQL(gateway.url, query)).body;
          compared++;
          const differences = diffResponses(actual, wanted);
          if (differences.length === 0) continue;
          if (meetsAuditExpectation(actual, expected) && !meetsAuditExpectation(wanted, expected)) {
            gatewayWrong.push(`${suite} #${index}`);
            continue;
          }
          mismatches.push(
            [
              `#${index}: ${differences.join('; ')}`,
              `    query:${query.replace(/^\s*\n/, '\n').trimEnd()}`,
              `    router:\n${format(actual)}`,
              `    @apollo/gateway:\n${format(wanted)}`,
            ].join('\n'),
          );
        }
      } finally {
        await gateway.stop();
      }
    } finally {
      await router.stop();
      await rm(router.dir, { recursive: true, force: true });
    }
    expect(mismatches.join('\n\n'), `${suite}: the router and @apollo/gateway differ`).toBe('');
  });
});
