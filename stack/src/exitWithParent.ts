/**
 * Preloaded (`node --import`) into every service {@link startProcessStack} starts. The parent
 * opens an IPC channel to each child and never uses it: when the parent ends, even by SIGKILL,
 * the channel closes and the child exits too, so no service outlives the test that started it.
 */
if (process.channel) {
  process.once('disconnect', () => process.exit(1));
}
