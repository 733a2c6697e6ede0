/**
 * Preloaded (`node --import`) into the audit's CLI, which runs detached, as the leader of a
 * process group of its own, with an IPC channel to its parent that is never used. When the
 * parent ends, even by SIGKILL, the channel closes and this ends the whole group: the CLI, the
 * router it started for the current suite and the suite's test runner.
 */
if (process.channel) {
  process.once('disconnect', () => process.kill(0, 'SIGKILL'));
}
