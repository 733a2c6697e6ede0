/**
 * The baseline of `npm run bench`: `@apollo/gateway` and `@apollo/server` as their
 * documentation shows them, with default settings (`startStandaloneServer`, the data source's
 * own fetcher, no plugins), serving the same supergraph file as the router. Only what this
 * supergraph and its subgraphs demand is added:
 *
 * - the supergraph goes through the router's `prepareSupergraph` first, at start-up: the
 *   gateway refuses a supergraph that links `@authenticated` or `@requiresScopes` `for:
 *   SECURITY`, which the router enforces itself (the benchmark query touches neither);
 * - the documented `buildService` returning a `RemoteGraphQLDataSource` replaces the catalog's
 *   routing URL and adds the signed viewer header without which subgraphs answer nobody but
 *   the router (an anonymous viewer, signed per request as the router does, with
 *   `ROUTER_SECRET` from the environment).
 *
 *   ROUTER_SECRET=… node --import tsx bench/plainGateway.ts --port 4100 \
 *     --catalog-url http://127.0.0.1:4001/graphql [--inventory-url http://127.0.0.1:4003/graphql]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
// The modules themselves, not the packages' entry points: those also load the MongoDB driver,
// the embedded store, the broker client and the router, whose memory would then count against
// the baseline.
import { signViewer, VIEWER_HEADER } from '../packages/chassis/src/auth/Viewer.ts';
import { prepareSupergraph } from '../router/src/supergraph/prepareSupergraph.ts';

try {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'catalog-url': { type: 'string' },
      'inventory-url': { type: 'string' },
    },
  });
  const port = Number(values.port);
  const catalogUrl = values['catalog-url'];
  const routerSecret = process.env['ROUTER_SECRET'];
  if (!Number.isInteger(port) || catalogUrl === undefined || routerSecret === undefined) {
    throw new Error('usage: ROUTER_SECRET=… plainGateway.ts --port <port> --catalog-url <url>');
  }

  const gateway = new ApolloGateway({
    supergraphSdl: prepareSupergraph(
      readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'),
    ).gatewaySdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url:
          name === 'catalog'
            ? catalogUrl
            : name === 'inventory'
              ? (values['inventory-url'] ?? url ?? '')
              : (url ?? ''),
        willSendRequest({ request }) {
          request.http?.headers.set(VIEWER_HEADER, signViewer(null, routerSecret));
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
} catch (error) {
  process.stderr.write(`plain gateway failed to start: ${String(error)}\n`);
  process.exit(1);
}
