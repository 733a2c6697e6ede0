/**
 * Settings of this shell that would change what is measured: subgraphs must use their embedded
 * store and in-process bus unless a scenario says otherwise (so production's refusal of them is
 * lifted, `ALLOW_EMBEDDED_IN_PRODUCTION=true`), every server must bind loopback,
 * the router must verify tokens with its defaults (the benchmark's requests carry none),
 * nothing may report to Apollo or export traces.
 */
const LEAKY_SETTING =
  /^(MONGODB_URL|AMQP_URL|REDIS_URL|DATA_DIR|ALLOW_EMBEDDED_IN_PRODUCTION|RABBITMQ_\w+|SUPERGRAPH_PATH|SUBGRAPH_URLS|INTROSPECTION|ROUTER_\w+|CATALOG_\w+|IDENTITY_\w+|INVENTORY_\w+|TRADING_\w+|ADMIN_\w+|JWKS_URL|JWT_\w+|APOLLO_\w+|OTEL_\w+)$/;

/**
 * The environment of a server the bench starts: this process's without the `LEAKY_SETTING`s,
 * with `LOG_LEVEL=warn`, `NODE_ENV=production` on the embedded engines and Apollo's telemetry
 * off, plus `settings`.
 */
export function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !LEAKY_SETTING.test(key));
  return {
    ...Object.fromEntries(inherited),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // A benchmark's subgraph is one process on its embedded store and in-process bus.
    ALLOW_EMBEDDED_IN_PRODUCTION: 'true',
    // @apollo/gateway otherwise probes cloud metadata endpoints at start and sends usage
    // metrics to Apollo: the benchmark talks to nothing but 127.0.0.1.
    APOLLO_TELEMETRY_DISABLED: 'true',
    ...settings,
  };
}
