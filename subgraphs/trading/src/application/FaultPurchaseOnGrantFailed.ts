import type { Delivered, UnitOfWork } from '@play-economy/chassis/domain';
import { GrantFailed } from '@play-economy/inventory/messages';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';
import { applyPurchaseReply } from './applyPurchaseReply.ts';

/**
 * Inventory would not grant the items (the item is no longer sold): the purchase faults.
 */
export class FaultPurchaseOnGrantFailed {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.fault_purchase_on_grant_failed';
  static readonly messages = [GrantFailed] as const;

  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  handle(message: Delivered<typeof FaultPurchaseOnGrantFailed.messages>): Promise<void> {
    return applyPurchaseReply(
      { purchases: this.purchases, unitOfWork: this.unitOfWork },
      FaultPurchaseOnGrantFailed.queue,
      message,
      (purchase, now) => purchase.grantFailed(now),
    );
  }
}
