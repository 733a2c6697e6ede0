import { randomUUID } from 'node:crypto';
import type { Message } from './EventBus.ts';

/** A new message with a fresh id, stamped with the instant its change happened. */
export function createMessage<TPayload>(
  type: string,
  payload: TPayload,
  occurredAt: Date = new Date(),
): Message<TPayload> {
  return { id: randomUUID(), type, occurredAt: occurredAt.toISOString(), payload };
}
