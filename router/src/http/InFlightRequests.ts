/**
 * The requests being handled, so that a stopping router waits for them before it closes its
 * subgraph connections: including those whose client has already left, which the HTTP
 * server's own drain no longer sees (their connection is gone, their work is not).
 */
export class InFlightRequests {
  #count = 0;
  #waiting: (() => void)[] = [];

  /** Counts `work` as in flight until it settles; returns it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#count += 1;
    return work.finally(() => {
      this.#count -= 1;
      if (this.#count === 0) for (const resolve of this.#waiting.splice(0)) resolve();
    });
  }

  /** Resolves once nothing is in flight, or after `timeoutMs` at the latest. */
  async settled(timeoutMs: number): Promise<void> {
    if (this.#count === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.#waiting.push(resolve)),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }
}
