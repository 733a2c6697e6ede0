import { type Delivered, type UnitOfWork } from '@play-economy/chassis/domain';
import { GrantItems } from '@play-economy/trading/messages';
import { GrantFailed, InventoryChanged, ItemsGranted } from '../domain/InventoryEvents.ts';
import type { InventoryRepository } from '../domain/InventoryRepository.ts';
import { isGrantable } from '../domain/KnownItem.ts';
import type { KnownItemRepository } from '../domain/KnownItemRepository.ts';
import { isOwnableTotal } from '../domain/QuantityRules.ts';

/**
 * Delivers a purchase: adds its items to the buyer's inventory and replies with
 * `inventory.items.granted` (plus `inventory.changed`), or with `inventory.items.grant_failed`
 * when the item is unknown or deleted. A redelivered command changes nothing the second time:
 * the grant, the replies and the inbox record commit together.
 */
export class GrantItemsOnGrantItemsRequested {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'inventory.grant_items_on_grant_items_requested';
  static readonly messages = [GrantItems] as const;

  constructor(
    private readonly entries: InventoryRepository,
    private readonly knownItems: KnownItemRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(message: Delivered<typeof GrantItemsOnGrantItemsRequested.messages>): Promise<void> {
    const { purchaseId, userId, itemId, quantity } = message.payload;
    await this.unitOfWork.handleOnce(
      GrantItemsOnGrantItemsRequested.queue,
      message,
      async (session, record) => {
        const now = new Date();
        if (!isGrantable(await this.knownItems.find(itemId, session))) {
          const failure = { purchaseId, userId, itemId, quantity, reason: 'UNKNOWN_ITEM' } as const;
          record(GrantFailed.of(failure));
          return;
        }
        const entry = await this.entries.add(userId, itemId, quantity, now, session);
        if (!isOwnableTotal(entry.quantity)) {
          // Undone in the same transaction: the grant never shows.
          await this.entries.add(userId, itemId, -quantity, now, session);
          const failure = {
            purchaseId,
            userId,
            itemId,
            quantity,
            reason: 'QUANTITY_LIMIT',
          } as const;
          record(GrantFailed.of(failure));
          return;
        }
        const newQuantity = entry.quantity;
        record(
          ItemsGranted.of({ purchaseId, userId, itemId, quantity, newQuantity }),
          InventoryChanged.of({
            userId,
            itemId,
            quantity: newQuantity,
            delta: quantity,
            cause: 'purchase',
            purchaseId,
          }),
        );
      },
    );
  }
}
