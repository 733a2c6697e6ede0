/**
 * The Node.js flags every service process runs with: in its image (the `Dockerfile`'s `CMD`),
 * under `npm start` and in the benchmark. Checked against the first two by
 * `tests/unit/deployment.test.ts`.
 *
 * `--max-semi-space-size=64` (MiB; Node 20–24 default to 16): a service's garbage is mostly the
 * parsed subgraph answers and the responses of requests in flight. With a young generation that
 * small, they outlive several scavenges, are copied each time and promoted; with 64 most die
 * where they were born. On the federation benchmark it cut the router's CPU per request by about
 * a third and its peak memory under load too (docs/performance.md). It must be given on the
 * command line (or in `NODE_OPTIONS`): V8 sizes the heap before any code runs.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
