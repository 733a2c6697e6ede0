import type { StoreSession } from '@play-economy/chassis/domain';
import type { ItemPrice } from './ItemPrice.ts';

/** Trading's price list, fed by catalog events; never read from catalog's database. */
export interface ItemPriceRepository {
  /** The item if it is sold: known and not deleted. */
  findSold(itemId: string): Promise<ItemPrice | null>;
  /**
   * Stores `item` unless the copy already reflects its version or a newer one. Resolves
   * whether it was stored.
   */
  applyIfNewer(item: ItemPrice, session: StoreSession): Promise<boolean>;
}
