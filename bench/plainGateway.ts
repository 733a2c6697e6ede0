/**
 * The baseline of `npm run bench`: `@apollo/gateway` and `@apollo/server` as their
 * documentation shows them, with default settings (`startStandaloneServer`, the data source's
 * own fetcher, no plugins), serving the same supergraph file as the router. Only the catalog's
 * routing URL is replaced, the standard way: `buildService` with a `RemoteGraphQLDataSource`.
 *
 *   node --import tsx bench/plainGateway.ts --port 4100 --catalog-url http://127.0.0.1:4001/graphql
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

try {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'catalog-url': { type: 'string' } },
  });
  const port = Number(values.port);
  const catalogUrl = values['catalog-url'];
  if (!Number.isInteger(port) || catalogUrl === undefined) {
    throw new Error('usage: plainGateway.ts --port <port> --catalog-url <url>');
  }

  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({ url: name === 'catalog' ? catalogUrl : (url ?? '') }),
  });
  const server = new ApolloServer({ gateway });
  await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
} catch (error) {
  process.stderr.write(`plain gateway failed to start: ${String(error)}\n`);
  process.exit(1);
}
