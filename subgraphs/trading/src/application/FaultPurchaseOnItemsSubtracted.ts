import type { Message, UnitOfWork } from '@play-economy/chassis';
import { PurchaseReplyType } from '../domain/PurchaseReplies.ts';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';
import { applyPurchaseReply } from './applyPurchaseReply.ts';

/**
 * The items of a purchase that could not be paid are back out of the inventory: it faults.
 */
export class FaultPurchaseOnItemsSubtracted {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.fault_purchase_on_items_subtracted';
  static readonly topics = [PurchaseReplyType.ItemsSubtracted];

  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  handle(message: Message): Promise<void> {
    return applyPurchaseReply(
      { purchases: this.purchases, unitOfWork: this.unitOfWork },
      FaultPurchaseOnItemsSubtracted.queue,
      message,
      (purchase, now) => purchase.itemsSubtracted(now),
    );
  }
}
