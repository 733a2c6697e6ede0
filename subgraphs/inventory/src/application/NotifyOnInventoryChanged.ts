import type { Delivered, LiveFeed } from '@play-economy/chassis/domain';
import { InventoryChanged, type InventoryChangedPayload } from '../domain/InventoryEvents.ts';

/**
 * Feeds `inventory.changed` to the live subscriptions of this replica. Every replica runs one,
 * on a queue of its own, so a subscriber connected to any replica sees every change.
 */
export class NotifyOnInventoryChanged {
  /** Base name of each replica's transient queue (`perInstance` delivery). */
  static readonly queue = 'inventory.notify_on_inventory_changed';
  static readonly messages = [InventoryChanged] as const;
  static readonly delivery = 'perInstance';

  constructor(private readonly changes: LiveFeed<InventoryChangedPayload>) {}

  async handle(message: Delivered<typeof NotifyOnInventoryChanged.messages>): Promise<void> {
    this.changes.publish(message.payload);
  }
}
