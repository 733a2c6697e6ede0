import type { Delivered, UnitOfWork } from '@play-economy/chassis/domain';
import { ItemDeleted } from '@play-economy/catalog/messages';
import type { ItemPriceRepository } from '../domain/ItemPriceRepository.ts';

/**
 * Stops selling an item on `catalog.item.deleted`. The copy stays as a tombstone carrying the
 * deletion's version, so a late `created`/`updated` event cannot bring the item back.
 */
export class ForgetItemOnItemDeleted {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'trading.forget_item_on_item_deleted';
  static readonly messages = [ItemDeleted] as const;

  constructor(
    private readonly prices: ItemPriceRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(message: Delivered<typeof ForgetItemOnItemDeleted.messages>): Promise<void> {
    const { payload } = message;
    await this.unitOfWork.handleOnce(ForgetItemOnItemDeleted.queue, message, async (session) => {
      await this.prices.applyIfNewer(
        { itemId: payload.id, name: '', price: 0, version: payload.version, deleted: true },
        session,
      );
    });
  }
}
