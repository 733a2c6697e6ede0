import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerOptions, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

export interface PlainGateway {
  /** The `/graphql` URL. */
  url: string;
  stop(): Promise<void>;
}

export interface PlainGatewayOptions {
  /** Apollo Server's `formatError`; default: Apollo Server's own. */
  formatError?: ApolloServerOptions<BaseContext>['formatError'];
}

/**
 * `@apollo/gateway` + `@apollo/server` with their defaults, on a free loopback port: the
 * reference the router's answers are held to, set up as the federation audit runs Apollo Gateway
 * (its `gateways/apollo-gateway/run.ts`: express, the drain plugin, nothing else).
 */
export async function startPlainGateway(
  supergraphSdl: string,
  { formatError }: PlainGatewayOptions = {},
): Promise<PlainGateway> {
  // The gateway's own usage reporting, off as in the router.
  process.env['APOLLO_TELEMETRY_DISABLED'] ??= 'true';
  const gateway = new ApolloGateway({ supergraphSdl });
  const app = express();
  const httpServer = createServer(app);
  const server = new ApolloServer({
    gateway,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    ...(formatError ? { formatError } : {}),
  });
  await server.start();
  app.use('/graphql', express.json(), expressMiddleware(server));
  await new Promise<void>((resolve) => httpServer.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => server.stop() };
}
