import type { Delivered, LiveFeed } from '@play-economy/chassis/domain';
import { purchaseViewOf, type PurchaseView } from '../domain/PurchaseView.ts';
import { PurchaseUpdated } from '../domain/TradingMessages.ts';

/**
 * Feeds `trading.purchase.updated` to the live subscriptions of this replica. Every replica
 * runs one, on a queue of its own, so a subscriber connected to any replica sees every update.
 */
export class NotifyOnPurchaseUpdated {
  /** Base name of each replica's transient queue (`perInstance` delivery). */
  static readonly queue = 'trading.notify_on_purchase_updated';
  static readonly messages = [PurchaseUpdated] as const;
  static readonly delivery = 'perInstance';

  constructor(private readonly updates: LiveFeed<PurchaseView>) {}

  async handle(message: Delivered<typeof NotifyOnPurchaseUpdated.messages>): Promise<void> {
    this.updates.publish(purchaseViewOf(message.payload));
  }
}
