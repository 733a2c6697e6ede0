import type { Message, UnitOfWork } from '@play-economy/chassis';
import { CatalogItemEventType, isItemChangedPayload } from '../domain/CatalogItemEvents.ts';
import type { ItemPriceRepository } from '../domain/ItemPriceRepository.ts';

/**
 * Keeps trading's price list current from `catalog.item.created` and `catalog.item.updated`.
 * An event not newer than the stored copy (late, duplicated, or about a deleted item) changes
 * nothing.
 */
export class CopyPriceOnItemChanged {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.copy_price_on_item_changed';
  static readonly topics = [CatalogItemEventType.ItemCreated, CatalogItemEventType.ItemUpdated];

  constructor(
    private readonly prices: ItemPriceRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(message: Message): Promise<void> {
    const { payload } = message;
    if (!isItemChangedPayload(payload)) {
      throw new Error(`${message.type} ${message.id} has no valid { id, name, price, version }`);
    }
    await this.unitOfWork.handleOnce(CopyPriceOnItemChanged.queue, message, async (session) => {
      await this.prices.applyIfNewer(
        {
          itemId: payload.id,
          name: payload.name,
          price: payload.price,
          version: payload.version,
          deleted: false,
        },
        session,
      );
    });
  }
}
