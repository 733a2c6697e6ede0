import type { Delivered, UnitOfWork } from '@play-economy/chassis/domain';
import { ItemsSubtracted } from '@play-economy/inventory/messages';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';
import { applyPurchaseReply } from './applyPurchaseReply.ts';

/**
 * The items of a purchase that could not be paid are back out of the inventory: it faults.
 */
export class FaultPurchaseOnItemsSubtracted {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.fault_purchase_on_items_subtracted';
  static readonly messages = [ItemsSubtracted] as const;

  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  handle(message: Delivered<typeof FaultPurchaseOnItemsSubtracted.messages>): Promise<void> {
    return applyPurchaseReply(
      { purchases: this.purchases, unitOfWork: this.unitOfWork },
      FaultPurchaseOnItemsSubtracted.queue,
      message,
      (purchase, now) => purchase.itemsSubtracted(now),
    );
  }
}
