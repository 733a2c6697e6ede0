import { createMessage, type RecordMessages } from '@play-economy/chassis';
import type { Item } from '../domain/Item.ts';

/** Hands the events an item recorded to the outbox of the surrounding transaction. */
export function recordEvents(item: Item, record: RecordMessages, now: Date): void {
  record(...item.pullEvents().map((event) => createMessage(event.type, event.payload, now)));
}
