#!/bin/sh
# The federation audit's `--run-script`: started by `graphql-federation-audit test` once per
# suite, with the suite id as $1, from this directory. Fetches the suite's supergraph from the
# audit's server and execs this repository's router on it, so the audit stops the router itself
# when the suite is done. scripts/audit.ts sets the environment (see runFederationAudit.ts).
set -eu

suite="$1"
supergraph="$AUDIT_RUN_DIR/supergraphs/$suite.graphql"
mkdir -p "$AUDIT_RUN_DIR/supergraphs"

"$AUDIT_ROUTER_NODE" --input-type=module -e '
  const [url, file] = process.argv.slice(1);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  (await import("node:fs")).writeFileSync(file, await response.text());
' "http://127.0.0.1:$AUDIT_SERVER_PORT/$suite/supergraph" "$supergraph"

exec "$AUDIT_ROUTER_NODE" --import tsx ../../router/src/main.ts --supergraph "$supergraph"
