/**
 * Preloaded (`node --import`) into every server `npm run bench` starts. The bench opens an IPC
 * channel to each of them and never sends anything on it: when the bench process ends, even by
 * SIGKILL, the channel closes and the server exits too, so no server outlives a benchmark.
 */
if (process.channel) {
  process.once('disconnect', () => process.exit(1));
}
