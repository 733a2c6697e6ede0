import type { ExecutionResult } from 'graphql';

export interface ClientStreamOptions {
  /** Results that may wait for the client before `onOverflow` is called. */
  maxBuffered: number;
  /** The client fell `maxBuffered` results behind: it is dropped, the stream ends. */
  onOverflow: () => void;
  /** The stream ended, however: it no longer needs its source. */
  onEnd: () => void;
}

type Settle = {
  resolve: (result: IteratorResult<ExecutionResult, undefined>) => void;
  reject: (error: Error) => void;
};

/**
 * One client subscription's results, as the async iterator graphql-ws drains into the socket.
 * graphql-ws sends the next result only once the previous one was written, so a client that
 * reads slowly leaves results here; past `maxBuffered` the client is dropped rather than
 * buffered without bound. `return()` (the client's `complete`, or its disconnection) ends the
 * stream and releases its source at once.
 */
export class ClientStream implements AsyncGenerator<ExecutionResult, undefined> {
  readonly #options: ClientStreamOptions;
  readonly #buffer: ExecutionResult[] = [];
  #waiting: Settle | undefined;
  #failure: Error | undefined;
  #ending = false;
  #ended = false;

  constructor(options: ClientStreamOptions) {
    this.#options = options;
  }

  /** Results waiting to be sent. */
  get buffered(): number {
    return this.#buffer.length;
  }

  push(result: ExecutionResult): void {
    if (this.#ending || this.#ended) return;
    if (this.#waiting) {
      const { resolve } = this.#waiting;
      this.#waiting = undefined;
      resolve({ value: result, done: false });
      return;
    }
    if (this.#buffer.length >= this.#options.maxBuffered) {
      this.#finish();
      this.#options.onOverflow();
      return;
    }
    this.#buffer.push(result);
  }

  /** Ends the stream with `error` once the results before it were sent. */
  fail(error: Error): void {
    if (this.#ending || this.#ended) return;
    this.#failure = error;
    this.#ending = true;
    this.#settleWaiting();
  }

  /** Ends the stream normally once the results before it were sent. */
  complete(): void {
    if (this.#ending || this.#ended) return;
    this.#ending = true;
    this.#settleWaiting();
  }

  next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    const result = this.#buffer.shift();
    if (result) return Promise.resolve({ value: result, done: false });
    if (this.#ending || this.#ended) {
      const failure = this.#failure;
      this.#failure = undefined;
      this.#finish();
      return failure ? Promise.reject(failure) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<ExecutionResult, undefined>> {
    this.#finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<ExecutionResult, undefined>> {
    this.#finish();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #settleWaiting(): void {
    if (!this.#waiting) return;
    const { resolve, reject } = this.#waiting;
    this.#waiting = undefined;
    const failure = this.#failure;
    this.#failure = undefined;
    this.#finish();
    if (failure) reject(failure);
    else resolve({ value: undefined, done: true });
  }

  #finish(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#ending = true;
    this.#buffer.length = 0;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.resolve({ value: undefined, done: true });
    this.#options.onEnd();
  }
}
