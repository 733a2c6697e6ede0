import type { Delivered, UnitOfWork } from '@play-economy/chassis/domain';
import { ItemCreated, ItemUpdated } from '@play-economy/catalog/messages';
import type { ItemPriceRepository } from '../domain/ItemPriceRepository.ts';

/**
 * Keeps trading's price list current from `catalog.item.created` and `catalog.item.updated`.
 * An event not newer than the stored copy (late, duplicated, or about a deleted item) changes
 * nothing.
 */
export class CopyPriceOnItemChanged {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.copy_price_on_item_changed';
  static readonly messages = [ItemCreated, ItemUpdated] as const;

  constructor(
    private readonly prices: ItemPriceRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(message: Delivered<typeof CopyPriceOnItemChanged.messages>): Promise<void> {
    const { payload } = message;
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
