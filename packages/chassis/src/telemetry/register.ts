/**
 * Preloaded with `node --import` before a service's entry point, so OpenTelemetry is running
 * before any instrumented module (http, graphql, mongodb) is loaded:
 *
 * ```sh
 * node --import tsx --import @play-economy/chassis/telemetry/register subgraphs/trading/src/main.ts
 * ```
 *
 * The service name comes from `OTEL_SERVICE_NAME`, else from the entry point's path
 * (`subgraphs/trading/src/main.ts` → `trading`, `router/...` → `router`), else `play-economy`
 * (one-process mode).
 */
import { register } from 'node:module';
import { startTelemetry } from './startTelemetry.ts';

// ES modules are patched through import-in-the-middle's loader hooks; CommonJS ones (express,
// the mongodb driver, graphql as Apollo loads it) through require hooks installed by the SDK.
register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);

const entry = (process.argv[1] ?? '').replaceAll('\\', '/');
const fromEntry =
  /\/subgraphs\/([^/]+)\//.exec(entry)?.[1] ??
  (/\/router\/src\//.test(entry) ? 'router' : 'play-economy');
startTelemetry({ serviceName: process.env['OTEL_SERVICE_NAME'] || fromEntry });
