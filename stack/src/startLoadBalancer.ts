import { createConnection, createServer, type Socket } from 'node:net';
import { once } from 'node:events';

/** A TCP load balancer in front of the replicas of one service. */
export interface LoadBalancer {
  /** `http://127.0.0.1:<port>`: where callers reach the replicas. */
  readonly origin: string;
  /** Connections handed to each target so far, in the order of the targets. */
  readonly accepted: readonly number[];
  close(): Promise<void>;
}

/**
 * Spreads TCP connections over `targets` (`host:port`) in turn, as a Kubernetes Service or a
 * compose service name does for replicas. A target that refuses the connection (a killed
 * replica) is passed over for the next; when none accepts, the caller's connection is closed.
 * Works at the connection level, so HTTP keep-alive and WebSocket upgrades pass through
 * unchanged; a connection stays with the target it was handed to until either side closes it.
 */
export async function startLoadBalancer(targets: readonly string[]): Promise<LoadBalancer> {
  if (targets.length === 0) throw new Error('a load balancer needs at least one target');
  const accepted = targets.map(() => 0);
  const open = new Set<Socket>();
  let next = 0;

  const connectFrom = (first: number, tried: number, client: Socket) => {
    if (tried === targets.length || client.destroyed) {
      client.destroy();
      return;
    }
    const index = (first + tried) % targets.length;
    const [host = '127.0.0.1', port = '0'] = targets[index]!.split(':');
    const upstream = createConnection({ host, port: Number(port) });
    open.add(upstream);
    upstream.once('close', () => open.delete(upstream));
    let connected = false;
    upstream.once('error', () => {
      upstream.destroy();
      // Refused or unreachable: the next replica may take it. Once connected, an error ends both.
      if (connected) client.destroy();
      else connectFrom(first, tried + 1, client);
    });
    upstream.once('connect', () => {
      connected = true;
      accepted[index] = (accepted[index] ?? 0) + 1;
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      upstream.once('close', () => client.destroy());
      client.once('close', () => upstream.destroy());
    });
  };

  const server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    const first = next;
    next = (next + 1) % targets.length;
    connectFrom(first, 0, client);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');

  return {
    origin: `http://127.0.0.1:${address.port}`,
    accepted,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of open) socket.destroy();
      await closed;
    },
  };
}
