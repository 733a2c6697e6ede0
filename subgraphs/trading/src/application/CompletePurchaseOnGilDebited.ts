import type { Message, UnitOfWork } from '@play-economy/chassis';
import { PurchaseReplyType } from '../domain/PurchaseReplies.ts';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';
import { applyPurchaseReply } from './applyPurchaseReply.ts';

/**
 * The buyer paid: the purchase is COMPLETED.
 */
export class CompletePurchaseOnGilDebited {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.complete_purchase_on_gil_debited';
  static readonly topics = [PurchaseReplyType.GilDebited];

  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  handle(message: Message): Promise<void> {
    return applyPurchaseReply(
      { purchases: this.purchases, unitOfWork: this.unitOfWork },
      CompletePurchaseOnGilDebited.queue,
      message,
      (purchase, now) => purchase.gilDebited(now),
    );
  }
}
