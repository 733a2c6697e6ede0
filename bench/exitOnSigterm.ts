/**
 * Preloaded (`node --import`) into the servers `npm run bench -- --cpu-prof` profiles. Node
 * writes a `--cpu-prof` profile only when the process exits, not when a signal kills it, and
 * `@apollo/server`'s own SIGTERM handler re-raises the signal once it has stopped: this listener,
 * registered before any of the server's, ends the process with `process.exit` instead.
 */
process.once('SIGTERM', () => process.exit(0));
