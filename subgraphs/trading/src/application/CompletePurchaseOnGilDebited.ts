import type { Delivered, UnitOfWork } from '@play-economy/chassis/domain';
import { GilDebited } from '@play-economy/identity/messages';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';
import { applyPurchaseReply } from './applyPurchaseReply.ts';

/**
 * The buyer paid: the purchase is COMPLETED.
 */
export class CompletePurchaseOnGilDebited {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.complete_purchase_on_gil_debited';
  static readonly messages = [GilDebited] as const;

  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  handle(message: Delivered<typeof CompletePurchaseOnGilDebited.messages>): Promise<void> {
    return applyPurchaseReply(
      { purchases: this.purchases, unitOfWork: this.unitOfWork },
      CompletePurchaseOnGilDebited.queue,
      message,
      (purchase, now) => purchase.gilDebited(now),
    );
  }
}
