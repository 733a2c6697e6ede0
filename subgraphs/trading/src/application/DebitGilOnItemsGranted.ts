import type { Delivered, UnitOfWork } from '@play-economy/chassis/domain';
import { ItemsGranted } from '@play-economy/inventory/messages';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';
import { applyPurchaseReply } from './applyPurchaseReply.ts';

/**
 * The items are in the inventory: the purchase moves to ITEMS_GRANTED and asks identity for the
 * gil (`trading.purchase.debit_gil`).
 */
export class DebitGilOnItemsGranted {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.debit_gil_on_items_granted';
  static readonly messages = [ItemsGranted] as const;

  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  handle(message: Delivered<typeof DebitGilOnItemsGranted.messages>): Promise<void> {
    return applyPurchaseReply(
      { purchases: this.purchases, unitOfWork: this.unitOfWork },
      DebitGilOnItemsGranted.queue,
      message,
      (purchase, now) => purchase.itemsGranted(now),
    );
  }
}
