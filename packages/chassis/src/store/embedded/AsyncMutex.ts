/** A first-come, first-served async lock: one `run` body at a time. */
export class AsyncMutex {
  #tail: Promise<unknown> = Promise.resolve();

  run<R>(body: () => Promise<R>): Promise<R> {
    const result = this.#tail.then(body);
    // The next body waits for this one to settle, whether it resolved or rejected.
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
