import type { Message, UnitOfWork } from '@play-economy/chassis/domain';
import type { Purchase } from '../domain/Purchase.ts';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';

/** A transition of the purchase a reply is about; false when it does not apply. */
export type PurchaseTransition = (purchase: Purchase, now: Date) => boolean;

/**
 * What every saga subscriber does with a reply: in one transaction, with the inbox record,
 * load the purchase it names, apply the transition, and save it (conditionally on the version
 * loaded) with the messages the transition recorded. A duplicate message, or a reply that does
 * not fit the purchase's state, changes nothing.
 */
export async function applyPurchaseReply(
  dependencies: { purchases: PurchaseRepository; unitOfWork: UnitOfWork },
  subscriber: string,
  message: Message<{ purchaseId: string }>,
  transition: PurchaseTransition,
): Promise<void> {
  const { payload } = message;
  const { purchases, unitOfWork } = dependencies;
  await unitOfWork.handleOnce(subscriber, message, async (session, record) => {
    const purchase = await purchases.findById(payload.purchaseId, session);
    // Not one of ours (or not any more): nothing to do.
    if (!purchase) return;
    const loadedVersion = purchase.version;
    if (!transition(purchase, new Date())) return;
    if (!(await purchases.save(purchase, loadedVersion, session))) {
      // Rolls back the inbox record too, so the bus redelivers it against the fresh state.
      throw new Error(`purchase ${purchase.id} changed while handling ${message.type}`);
    }
    record(...purchase.pullMessages());
  });
}
