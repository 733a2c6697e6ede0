import { recordEvents, type Message, type UnitOfWork } from '@play-economy/chassis';
import {
  inventoryChanged,
  itemsSubtracted,
  type InventoryEvent,
} from '../domain/InventoryEvents.ts';
import type { InventoryRepository } from '../domain/InventoryRepository.ts';
import { isPurchaseItemsPayload, SUBTRACT_ITEMS_REQUESTED } from '../domain/PurchaseCommands.ts';

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
  static readonly topics = [SUBTRACT_ITEMS_REQUESTED];

  constructor(
    private readonly entries: InventoryRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(message: Message): Promise<void> {
    const { payload } = message;
    if (!isPurchaseItemsPayload(payload)) {
      throw new Error(
        `${message.type} ${message.id} has no valid { purchaseId, userId, itemId, quantity }`,
      );
    }
    const { purchaseId, userId, itemId, quantity } = payload;
    await this.unitOfWork.handleOnce(
      SubtractItemsOnSubtractItemsRequested.queue,
      message,
      async (session, record) => {
        const now = new Date();
        const { subtracted, newQuantity } = await this.entries.subtract(
          userId,
          itemId,
          quantity,
          now,
          session,
        );
        const events: InventoryEvent[] = [
          itemsSubtracted({ purchaseId, userId, itemId, quantity, subtracted, newQuantity }),
        ];
        if (subtracted > 0) {
          events.push(
            inventoryChanged({
              userId,
              itemId,
              quantity: newQuantity,
              delta: -subtracted,
              cause: 'compensation',
              purchaseId,
            }),
          );
        }
        recordEvents(events, record, now);
      },
    );
  }
}
