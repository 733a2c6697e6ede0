import { createMessage, type RecordMessages } from '@play-economy/chassis';
import type { IdentityEvent } from '../domain/IdentityEvents.ts';

/** Hands events to the outbox of the surrounding transaction. */
export function recordEvents(
  events: readonly IdentityEvent[],
  record: RecordMessages,
  now: Date,
): void {
  record(...events.map((event) => createMessage(event.type, event.payload, now)));
}
