import { type Delivered, type UnitOfWork } from '@play-economy/chassis/domain';
import { SubtractItems } from '@play-economy/trading/messages';
import type { ChangeEntryQuantity } from './ChangeEntryQuantity.ts';

/**
 * Compensates a purchase that could not be paid for: takes its items back out of the buyer's
 * inventory, never below 0 (when fewer are left, it takes what there is and says so in
 * `subtracted`), and replies with `inventory.items.subtracted` (plus `inventory.changed` when
 * anything was taken). Works for items since deleted from the catalog too. A redelivered
 * command changes nothing the second time.
 */
export class SubtractItemsOnSubtractItemsRequested {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'inventory.subtract_items_on_subtract_items_requested';
  static readonly messages = [SubtractItems] as const;

  constructor(
    private readonly quantities: ChangeEntryQuantity,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(
    message: Delivered<typeof SubtractItemsOnSubtractItemsRequested.messages>,
  ): Promise<void> {
    const { purchaseId, userId, itemId, quantity } = message.payload;
    await this.unitOfWork.handleOnce(
      SubtractItemsOnSubtractItemsRequested.queue,
      message,
      async (session, record) => {
        const entry = await this.quantities.subtract(userId, itemId, quantity, purchaseId, session);
        record(...entry.pullEvents());
      },
    );
  }
}
