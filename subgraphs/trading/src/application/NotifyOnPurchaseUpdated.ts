import type { LiveFeed, Message } from '@play-economy/chassis';
import { purchaseViewOf, type PurchaseView } from '../domain/PurchaseView.ts';
import { TradingMessageType, type PurchaseUpdatedPayload } from '../domain/TradingMessages.ts';

/**
 * Feeds `trading.purchase.updated` to the live subscriptions of this replica. Every replica
 * runs one, on a queue of its own, so a subscriber connected to any replica sees every update.
 */
export class NotifyOnPurchaseUpdated {
  /** Base name of each replica's transient queue (`perInstance` delivery). */
  static readonly queue = 'trading.notify_on_purchase_updated';
  static readonly topics = [TradingMessageType.PurchaseUpdated];
  static readonly delivery = 'perInstance';

  constructor(private readonly updates: LiveFeed<PurchaseView>) {}

  async handle(message: Message): Promise<void> {
    if (!isPurchaseUpdate(message.payload)) {
      throw new Error(`${message.type} ${message.id} is not a purchase update`);
    }
    this.updates.publish(purchaseViewOf(message.payload));
  }
}

function isPurchaseUpdate(payload: unknown): payload is PurchaseUpdatedPayload {
  if (typeof payload !== 'object' || payload === null) return false;
  const { purchaseId, userId, itemId, state, updatedAt } = payload as Record<string, unknown>;
  return [purchaseId, userId, itemId, state, updatedAt].every((v) => typeof v === 'string');
}
