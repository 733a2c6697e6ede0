import type { LiveFeed, Message } from '@play-economy/chassis';
import { InventoryEventType, type InventoryChangedPayload } from '../domain/InventoryEvents.ts';

/**
 * Feeds `inventory.changed` to the live subscriptions of this replica. Every replica runs one,
 * on a queue of its own, so a subscriber connected to any replica sees every change.
 */
export class NotifyOnInventoryChanged {
  /** Base name of each replica's transient queue (`perInstance` delivery). */
  static readonly queue = 'inventory.notify_on_inventory_changed';
  static readonly topics = [InventoryEventType.InventoryChanged];
  static readonly delivery = 'perInstance';

  constructor(private readonly changes: LiveFeed<InventoryChangedPayload>) {}

  async handle(message: Message): Promise<void> {
    const change = inventoryChangeOf(message.payload);
    if (!change) throw new Error(`${message.type} ${message.id} is not an inventory change`);
    this.changes.publish(change);
  }
}

function inventoryChangeOf(payload: unknown): InventoryChangedPayload | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { userId, itemId, quantity, delta } = payload as Record<string, unknown>;
  if (typeof userId !== 'string' || typeof itemId !== 'string') return undefined;
  if (typeof quantity !== 'number' || typeof delta !== 'number') return undefined;
  return payload as InventoryChangedPayload;
}
