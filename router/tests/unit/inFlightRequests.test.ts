import { describe, expect, it } from 'vitest';
import { InFlightRequests } from '../../src/http/InFlightRequests.ts';

/** A promise and the function that settles it. */
function pending() {
  let settle!: () => void;
  const promise = new Promise<void>((resolve) => {
    settle = resolve;
  });
  return { promise, settle };
}

describe('InFlightRequests', () => {
  it('is settled at once with nothing in flight', async () => {
    await new InFlightRequests().settled(60_000);
  });

  it('is settled once the last tracked request is, failed ones included', async () => {
    const inFlight = new InFlightRequests();
    const first = pending();
    const second = pending();
    void inFlight.track(first.promise);
    inFlight
      .track(second.promise.then(() => Promise.reject(new Error('failed'))))
      .catch(() => undefined);
    let settled = false;
    const waiting = inFlight.settled(60_000).then(() => {
      settled = true;
    });
    first.settle();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    second.settle();
    await waiting;
    expect(settled).toBe(true);
  });

  it('gives up waiting after the timeout', async () => {
    const inFlight = new InFlightRequests();
    void inFlight.track(pending().promise);
    const startedAt = Date.now();
    await inFlight.settled(50);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(45);
  });
});
