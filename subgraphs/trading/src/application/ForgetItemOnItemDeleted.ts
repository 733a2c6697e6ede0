import type { Message, UnitOfWork } from '@play-economy/chassis';
import { CatalogItemEventType, isItemDeletedPayload } from '../domain/CatalogItemEvents.ts';
import type { ItemPriceRepository } from '../domain/ItemPriceRepository.ts';

/**
 * Stops selling an item on `catalog.item.deleted`. The copy stays as a tombstone carrying the
 * deletion's version, so a late `created`/`updated` event cannot bring the item back.
 */
export class ForgetItemOnItemDeleted {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.forget_item_on_item_deleted';
  static readonly topics = [CatalogItemEventType.ItemDeleted];

  constructor(
    private readonly prices: ItemPriceRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(message: Message): Promise<void> {
    const { payload } = message;
    if (!isItemDeletedPayload(payload)) {
      throw new Error(`${message.type} ${message.id} has no valid { id, version }`);
    }
    await this.unitOfWork.handleOnce(ForgetItemOnItemDeleted.queue, message, async (session) => {
      await this.prices.applyIfNewer(
        { itemId: payload.id, name: '', price: 0, version: payload.version, deleted: true },
        session,
      );
    });
  }
}
