import { afterEach, expect, it } from 'vitest';
import { shutdownOnSignals } from '../../src/service/shutdownOnSignals.ts';
import { testLogger } from '../busTestKit.ts';

const removers: (() => void)[] = [];
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
});

/** Installs the handlers on SIGUSR2 and resolves with the first exit code asked for. */
function onSignal(stop: () => Promise<void>, timeoutMs = 20_000) {
  const calls: string[] = [];
  const exited = new Promise<number>((resolve) => {
    removers.push(
      shutdownOnSignals({
        logger: testLogger,
        stop: async () => {
          calls.push('stop');
          await stop();
        },
        timeoutMs,
        signals: ['SIGUSR2'],
        exit: (code) => resolve(code),
      }),
    );
  });
  return { calls, exited };
}

it('stops once and exits 0 when the stop succeeds, whatever signals follow', async () => {
  let finish!: () => void;
  const { calls, exited } = onSignal(() => new Promise<void>((resolve) => (finish = resolve)));
  process.emit('SIGUSR2');
  process.emit('SIGUSR2');
  finish();
  expect(await exited).toBe(0);
  expect(calls).toEqual(['stop']);
});

it('exits 1 when the stop fails', async () => {
  const { exited } = onSignal(() => Promise.reject(new Error('store would not close')));
  process.emit('SIGUSR2');
  expect(await exited).toBe(1);
});

it('exits 1 when the stop outlasts its bound', async () => {
  const { exited } = onSignal(() => new Promise<void>(() => undefined), 10);
  process.emit('SIGUSR2');
  expect(await exited).toBe(1);
});
