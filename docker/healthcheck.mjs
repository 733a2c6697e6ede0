// Container health probe: exits 0 when the service's `/health/ready` answers 2xx, 1 otherwise.
// Slim images carry no curl, so Node's own fetch does the request.
//
// The port is the one the service itself reads, `<SERVICE>_PORT` (CATALOG_PORT, ROUTER_PORT, …),
// falling back to the default baked in at build time.
const service = process.env.SERVICE ?? '';
const port = process.env[`${service.toUpperCase()}_PORT`] || process.env.DEFAULT_PORT;

if (!port) {
  process.stderr.write(`healthcheck: no port for service '${service}'\n`);
  process.exit(1);
}

try {
  const response = await fetch(`http://127.0.0.1:${port}/health/ready`, {
    signal: AbortSignal.timeout(4_000),
  });
  if (!response.ok)
    process.stderr.write(`healthcheck: ${response.status} ${await response.text()}\n`);
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  process.stderr.write(`healthcheck: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
