import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { Message } from '../src/bus/EventBus.ts';

/** Tests stay quiet unless LOG_LEVEL asks otherwise. */
export const testLogger = pino({ level: process.env['LOG_LEVEL'] ?? 'silent' });

/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
export async function eventually(
  what: string,
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 10_000, intervalMs = 20 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves after `ms`; for asserting that something has NOT happened yet. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A short random suffix that keeps broker names of concurrent runs apart. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

class MessageBuilder {
  #message: Message = {
    id: randomUUID(),
    type: 'test.thing.happened',
    occurredAt: new Date().toISOString(),
    payload: { n: 0 },
  };

  withId(id: string): this {
    this.#message = { ...this.#message, id };
    return this;
  }

  withType(type: string): this {
    this.#message = { ...this.#message, type };
    return this;
  }

  withPayload(payload: unknown): this {
    this.#message = { ...this.#message, payload };
    return this;
  }

  withHeaders(headers: Record<string, string>): this {
    this.#message = { ...this.#message, headers };
    return this;
  }

  build(): Message {
    return structuredClone(this.#message);
  }
}

/** `aMessage().withType('catalog.item.updated').build()` */
export function aMessage(): MessageBuilder {
  return new MessageBuilder();
}
