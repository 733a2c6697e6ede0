import { createMessage } from './createMessage.ts';
import type { RecordMessages } from './UnitOfWork.ts';

/** A domain event as aggregates record it: a dotted type and its payload. */
export interface DomainEvent {
  type: string;
  payload: unknown;
}

/** Hands domain events to the outbox of the surrounding transaction, as messages. */
export function recordEvents(
  events: readonly DomainEvent[],
  record: RecordMessages,
  now: Date = new Date(),
): void {
  record(...events.map((event) => createMessage(event.type, event.payload, now)));
}
