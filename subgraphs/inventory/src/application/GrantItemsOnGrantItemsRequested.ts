import { type Delivered, type UnitOfWork } from '@play-economy/chassis/domain';
import { GrantItems } from '@play-economy/trading/messages';
import { GrantFailed } from '../domain/InventoryEvents.ts';
import { isGrantable } from '../domain/KnownItem.ts';
import type { KnownItemRepository } from '../domain/KnownItemRepository.ts';
import { QuantityLimitExceeded } from '../domain/QuantityLimitExceeded.ts';
import type { ChangeEntryQuantity } from './ChangeEntryQuantity.ts';

/**
 * Delivers a purchase: adds its items to the buyer's inventory and replies with
 * `inventory.items.granted` (plus `inventory.changed`), or with `inventory.items.grant_failed`
 * when the item is unknown or deleted, or the user's total would exceed the largest quantity one
 * can own. A redelivered command changes nothing the second time: the grant, the replies and the
 * inbox record commit together.
 */
export class GrantItemsOnGrantItemsRequested {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'inventory.grant_items_on_grant_items_requested';
  static readonly messages = [GrantItems] as const;

  constructor(
    private readonly quantities: ChangeEntryQuantity,
    private readonly knownItems: KnownItemRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(message: Delivered<typeof GrantItemsOnGrantItemsRequested.messages>): Promise<void> {
    const { purchaseId, userId, itemId, quantity } = message.payload;
    await this.unitOfWork.handleOnce(
      GrantItemsOnGrantItemsRequested.queue,
      message,
      async (session, record) => {
        if (!isGrantable(await this.knownItems.find(itemId, session))) {
          record(GrantFailed.of({ purchaseId, userId, itemId, quantity, reason: 'UNKNOWN_ITEM' }));
          return;
        }
        try {
          const reason = { cause: 'purchase', purchaseId } as const;
          const entry = await this.quantities.grant(userId, itemId, quantity, reason, session);
          record(...entry.pullEvents());
        } catch (error) {
          // Refused by the guard before anything changed: the failure is the reply.
          if (!(error instanceof QuantityLimitExceeded)) throw error;
          const failure = {
            purchaseId,
            userId,
            itemId,
            quantity,
            reason: 'QUANTITY_LIMIT',
          } as const;
          record(GrantFailed.of(failure));
        }
      },
    );
  }
}
