import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';

export interface ListeningServer {
  server: Server;
  /** The port actually bound (differs from the requested one when that was 0). */
  port: number;
}

/** Starts an HTTP server and resolves once it is bound, or rejects (e.g. EADDRINUSE). */
export function listen(
  handler: RequestListener,
  port: number,
  host: string,
): Promise<ListeningServer> {
  return bind(createServer(handler), port, host);
}

/**
 * Binds a server built beforehand and resolves once it is bound, or rejects (e.g. EADDRINUSE).
 * Build the whole server first, routes included: a client must never reach a port that is open
 * but not yet answering (it would get 404s).
 */
export function bind(server: Server, port: number, host: string): Promise<ListeningServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
  });
}

/** The URL clients on this machine use to reach a server bound to `host`. */
export function localUrl(host: string, port: number, path: string): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}${path}`;
}
