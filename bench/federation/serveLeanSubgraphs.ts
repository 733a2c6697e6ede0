/**
 * Child process of `npm run bench -- --scenario federation`: the four lean subgraphs on one
 * `node:http` server at 127.0.0.1:<--port>, each at `/<name>` (`POST /accounts`, ...), plus
 * `GET /health`.
 *
 * Each subgraph computes its answer to a request body (query, variables, operation name) once,
 * with graphql-js over its `buildSubgraphSchema` schema, and then answers every identical body
 * with the same bytes from memory. That keeps the subgraphs from being the bottleneck on a
 * two-core machine shared with the load generator and the server under test, which is the point
 * of the public benchmark's subgraphs too (Rust, in-memory data). It is honest for a router
 * benchmark because:
 *
 * - the data is static, so a subgraph's answer to a given body never changes: the memoised
 *   bytes are exactly what executing the body again would produce;
 * - what is measured is the router's work, and none of it is skipped: it still plans, sends
 *   every subgraph request over HTTP, reads and parses every answer, merges the entities and
 *   shapes the response; nothing is cached on its side (its entity cache is off);
 * - a body the router builds differently (another query text, other representations) is a miss,
 *   computed for real; the memo holds at most `MAX_ANSWERS_PER_SUBGRAPH` bodies per subgraph and
 *   computes the rest every time, so a router sending ever-new bodies pays for it.
 *
 * The router's signed viewer header is ignored: these subgraphs have no users to protect.
 *
 *   node --import tsx bench/federation/serveLeanSubgraphs.ts --port 4200
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, type GraphQLSchema } from 'graphql';
import { leanSubgraphs } from './leanSubgraphs.ts';

const MAX_ANSWERS_PER_SUBGRAPH = 1_000;

interface Endpoint {
  schema: GraphQLSchema;
  /** Serialised answers by request body. */
  answers: Map<string, Buffer>;
}

interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = Number(values.port);
if (!Number.isInteger(port)) {
  process.stderr.write('usage: serveLeanSubgraphs.ts --port <port>\n');
  process.exit(1);
}

const endpoints = new Map<string, Endpoint>(
  leanSubgraphs.map(({ name, typeDefs, resolvers }) => [
    `/${name}`,
    { schema: buildSubgraphSchema([{ typeDefs, resolvers }]), answers: new Map() },
  ]),
);

/** Executes `body` against the subgraph, as any GraphQL-over-HTTP server would. */
async function execute(schema: GraphQLSchema, body: string): Promise<Buffer> {
  let request: GraphQLRequestBody;
  try {
    request = JSON.parse(body) as GraphQLRequestBody;
  } catch {
    return Buffer.from(JSON.stringify({ errors: [{ message: 'the body is not JSON' }] }));
  }
  const result = await graphql({
    schema,
    source: typeof request.query === 'string' ? request.query : '',
    variableValues:
      typeof request.variables === 'object' ? (request.variables as Record<string, unknown>) : null,
    operationName: typeof request.operationName === 'string' ? request.operationName : null,
  });
  return Buffer.from(JSON.stringify(result));
}

function send(res: ServerResponse, answer: Buffer): void {
  res
    .writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': answer.length,
    })
    .end(answer);
}

function serve(endpoint: Endpoint, req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))?.toString('utf8') ?? '';
    const memoised = endpoint.answers.get(body);
    if (memoised !== undefined) {
      send(res, memoised);
      return;
    }
    execute(endpoint.schema, body).then(
      (answer) => {
        if (endpoint.answers.size < MAX_ANSWERS_PER_SUBGRAPH) endpoint.answers.set(body, answer);
        send(res, answer);
      },
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  const endpoint = req.method === 'POST' ? endpoints.get(req.url ?? '') : undefined;
  if (endpoint === undefined) {
    req.resume();
    res.writeHead(404).end();
    return;
  }
  serve(endpoint, req, res);
});
server.listen(port, '127.0.0.1');

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
});
