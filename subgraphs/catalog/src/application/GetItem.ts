import type { Item } from '../domain/Item.ts';
import type { ItemRepository } from '../domain/ItemRepository.ts';

/** One item by id; null when there is none. */
export class GetItem {
  constructor(private readonly items: ItemRepository) {}

  execute(id: string): Promise<Item | null> {
    return this.items.findById(id);
  }
}
