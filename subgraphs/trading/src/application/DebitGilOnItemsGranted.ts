import type { Message, UnitOfWork } from '@play-economy/chassis';
import { PurchaseReplyType } from '../domain/PurchaseReplies.ts';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';
import { applyPurchaseReply } from './applyPurchaseReply.ts';

/**
 * The items are in the inventory: the purchase moves to ITEMS_GRANTED and asks identity for the
 * gil (`trading.purchase.debit_gil`).
 */
export class DebitGilOnItemsGranted {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.debit_gil_on_items_granted';
  static readonly topics = [PurchaseReplyType.ItemsGranted];

  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  handle(message: Message): Promise<void> {
    return applyPurchaseReply(
      { purchases: this.purchases, unitOfWork: this.unitOfWork },
      DebitGilOnItemsGranted.queue,
      message,
      (purchase, now) => purchase.itemsGranted(now),
    );
  }
}
