import { availableParallelism, arch, cpus, platform, totalmem } from 'node:os';

/** The machine a report was measured on, e.g. `2 cores (AMD EPYC 7B13), linux x64, 7.8 GiB`. */
export function describeMachine(): string {
  const model = cpus()[0]?.model.trim();
  return (
    `${availableParallelism()} cores${model ? ` (${model})` : ''}, ` +
    `${platform()} ${arch()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`
  );
}
