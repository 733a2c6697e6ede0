import type { Message, UnitOfWork } from '@play-economy/chassis';
import { PurchaseReplyType } from '../domain/PurchaseReplies.ts';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';
import { applyPurchaseReply } from './applyPurchaseReply.ts';

/**
 * Inventory would not grant the items (the item is no longer sold): the purchase faults.
 */
export class FaultPurchaseOnGrantFailed {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.fault_purchase_on_grant_failed';
  static readonly topics = [PurchaseReplyType.GrantFailed];

  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  handle(message: Message): Promise<void> {
    return applyPurchaseReply(
      { purchases: this.purchases, unitOfWork: this.unitOfWork },
      FaultPurchaseOnGrantFailed.queue,
      message,
      (purchase, now) => purchase.grantFailed(now),
    );
  }
}
