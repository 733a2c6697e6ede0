/**
 * The ceiling of the entity-cache scenario: a bare `node:http` server that reads each request
 * and answers the same body, `--body`, to every one (the warm-cache router's answer to the
 * catalog query). No GraphQL, no routing, no middleware: what Node itself costs per request on
 * this machine, for the warm cache to be compared with.
 *
 *   node --import tsx bench/bareHttpServer.ts --port 4300 --body '{"data":{…}}'
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { port: { type: 'string' }, body: { type: 'string' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || values.body === undefined) {
  process.stderr.write('usage: bareHttpServer.ts --port <port> --body <response body>\n');
  process.exit(1);
}
const answer = Buffer.from(values.body);
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': answer.length,
};

const server = createServer((req, res) => {
  // The whole request is read, as a GraphQL server must, before the answer goes out.
  req.resume();
  req.on('end', () => res.writeHead(200, headers).end(answer));
});
server.listen(port, '127.0.0.1');

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
});
