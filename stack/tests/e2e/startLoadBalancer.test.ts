import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findFreePort } from '../../src/findFreePort.ts';
import { startLoadBalancer, type LoadBalancer } from '../../src/startLoadBalancer.ts';

const servers: Server[] = [];
let balancer: LoadBalancer;
let downPort: number;

/** An HTTP server on loopback that answers its own name, closing each connection. */
async function replica(name: string): Promise<string> {
  const server = createServer((_request, response) => {
    response.setHeader('connection', 'close');
    response.end(name);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return `127.0.0.1:${address.port}`;
}

beforeAll(async () => {
  downPort = await findFreePort();
  balancer = await startLoadBalancer([
    await replica('a'),
    `127.0.0.1:${downPort}`,
    await replica('b'),
  ]);
});

afterAll(async () => {
  await balancer?.close();
  for (const server of servers) server.close();
});

it('spreads connections over the replicas in turn, passing over one that refuses', async () => {
  const answers: string[] = [];
  for (let n = 0; n < 6; n += 1) {
    const response = await fetch(balancer.origin, { headers: { connection: 'close' } });
    answers.push(await response.text());
  }
  // Turns a, (stopped →) b, b, a, (stopped →) b, b: the stopped replica's turns go to the next.
  expect(answers).toEqual(['a', 'b', 'b', 'a', 'b', 'b']);
  expect(balancer.accepted[1]).toBe(0);
  expect(balancer.accepted[0]! + balancer.accepted[2]!).toBe(6);
});
