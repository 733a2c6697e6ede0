import type { Message, UnitOfWork } from '@play-economy/chassis';
import { PurchaseReplyType, type GilDebitFailureReason } from '../domain/PurchaseReplies.ts';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';
import { applyPurchaseReply } from './applyPurchaseReply.ts';

/**
 * The buyer could not pay (short of gil, or unknown to identity): the granted items are taken
 * back with `trading.purchase.subtract_items`; the purchase faults once they are.
 */
export class CompensateOnGilDebitFailed {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.compensate_on_gil_debit_failed';
  static readonly topics = [PurchaseReplyType.GilDebitFailed];

  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  handle(message: Message): Promise<void> {
    const reason = reasonOf(message.payload);
    return applyPurchaseReply(
      { purchases: this.purchases, unitOfWork: this.unitOfWork },
      CompensateOnGilDebitFailed.queue,
      message,
      (purchase, now) => purchase.gilDebitFailed(reason, now),
    );
  }
}

function reasonOf(payload: unknown): GilDebitFailureReason {
  const reason = (payload as { reason?: unknown } | null)?.reason;
  return reason === 'UNKNOWN_USER' ? 'UNKNOWN_USER' : 'INSUFFICIENT_GIL';
}
