/**
 * The Node.js flags every service process runs with: in its image (the `Dockerfile`'s `CMD`),
 * under `npm start`, in the process stack the tests run and in the benchmark. Checked against the
 * first two by `tests/unit/deployment.test.ts`.
 *
 * `--max-semi-space-size=64` (MiB): a service's garbage is mostly the parsed subgraph answers
 * and the responses of requests in flight. Node 20 caps the semi-space at 16: they outlive
 * several scavenges, are copied each time and promoted; with 64 most die where they were born.
 * On the federation benchmark (Node 20) it cut the router's CPU per request by about a third and
 * its peak memory under load too (docs/performance.md). Node 24 grew it to 64 by itself on a
 * machine with this much memory; the flag makes it the same everywhere. It must be given on the
 * command line (or in `NODE_OPTIONS`): V8 sizes the heap before any code runs.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
