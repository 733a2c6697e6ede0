/**
 * The baseline of `npm run bench`: `@apollo/gateway` and `@apollo/server` as their
 * documentation shows them, with default settings (`startStandaloneServer`, the data source's
 * own fetcher, no plugins), serving a supergraph file. Only what a supergraph and its subgraphs
 * demand is added:
 *
 * - the supergraph goes through the router's `prepareSupergraph` first, at start-up: the
 *   gateway refuses a supergraph that links `@authenticated` or `@requiresScopes` `for:
 *   SECURITY`, which the router enforces itself (a no-op for a supergraph without them);
 * - `--subgraph-urls` replaces routing URLs as the router's `SUBGRAPH_URLS` does, through the
 *   documented `buildService` returning a `RemoteGraphQLDataSource`;
 * - with `ROUTER_SECRET` set, that data source adds the signed viewer header without which this
 *   repository's subgraphs answer nobody but the router (an anonymous viewer, signed per request
 *   as the router does). Without it, nothing is added: the gateway is then exactly the public
 *   gateways benchmark's `new ApolloGateway({ supergraphSdl })`.
 *
 *   [ROUTER_SECRET=…] node --import tsx bench/plainGateway.ts --port 4100 \
 *     [--supergraph schema/supergraph.graphql] \
 *     [--subgraph-urls catalog=http://127.0.0.1:4001/graphql,inventory=…]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
// The modules themselves, not the packages' entry points: those also load the MongoDB driver,
// the embedded store, the broker client and the router, whose memory would then count against
// the baseline.
import { signViewer, VIEWER_HEADER } from '../packages/chassis/src/auth/Viewer.ts';
import { parseSubgraphUrls } from '../router/src/subgraphs/parseSubgraphUrls.ts';
import { prepareSupergraph } from '../router/src/supergraph/prepareSupergraph.ts';

const USAGE =
  'usage: [ROUTER_SECRET=…] plainGateway.ts --port <port> [--supergraph <file>] ' +
  '[--subgraph-urls name=url,…]';

try {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      supergraph: {
        type: 'string',
        default: fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url)),
      },
      'subgraph-urls': { type: 'string', default: '' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port)) throw new Error(USAGE);
  const subgraphUrls = parseSubgraphUrls(values['subgraph-urls']);
  const routerSecret = process.env['ROUTER_SECRET'];

  const gateway = new ApolloGateway({
    supergraphSdl: prepareSupergraph(readFileSync(values.supergraph, 'utf8')).gatewaySdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url: subgraphUrls[name] ?? url ?? '',
        ...(routerSecret !== undefined && {
          willSendRequest({ request }) {
            request.http?.headers.set(VIEWER_HEADER, signViewer(null, routerSecret));
          },
        }),
      }),
  });
  const server = new ApolloServer({ gateway });
  await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
} catch (error) {
  process.stderr.write(`plain gateway failed to start: ${String(error)}\n`);
  process.exit(1);
}
