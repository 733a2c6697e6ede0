import type { DomainEvent } from '../messages/defineMessage.ts';
import { createMessage } from './createMessage.ts';
import type { RecordMessages } from './UnitOfWork.ts';

/**
 * Hands domain events (built with their contract's `of`) to the outbox of the surrounding
 * transaction, as messages: each gets its id and the instant it occurred.
 */
export function recordEvents(
  events: readonly DomainEvent[],
  record: RecordMessages,
  now: Date = new Date(),
): void {
  record(...events.map((event) => createMessage(event.type, event.payload, now)));
}
