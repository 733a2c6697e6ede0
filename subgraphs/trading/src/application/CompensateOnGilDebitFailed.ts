import type { Delivered, UnitOfWork } from '@play-economy/chassis/domain';
import { GilDebitFailed } from '@play-economy/identity/messages';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';
import { applyPurchaseReply } from './applyPurchaseReply.ts';

/**
 * The buyer could not pay (short of gil, or unknown to identity): the granted items are taken
 * back with `trading.purchase.subtract_items`; the purchase faults once they are.
 */
export class CompensateOnGilDebitFailed {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.compensate_on_gil_debit_failed';
  static readonly messages = [GilDebitFailed] as const;

  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** The reason is one of the contract's: a reply with any other was dead-lettered unseen. */
  handle(message: Delivered<typeof CompensateOnGilDebitFailed.messages>): Promise<void> {
    const { reason } = message.payload;
    return applyPurchaseReply(
      { purchases: this.purchases, unitOfWork: this.unitOfWork },
      CompensateOnGilDebitFailed.queue,
      message,
      (purchase, now) => purchase.gilDebitFailed(reason, now),
    );
  }
}
