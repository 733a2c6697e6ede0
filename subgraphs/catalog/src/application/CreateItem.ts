import { randomUUID } from 'node:crypto';
import { requireAdmin, type UnitOfWork, type Viewer } from '@play-economy/chassis/domain';
import { Item, type NewItem } from '../domain/Item.ts';
import type { ItemRepository } from '../domain/ItemRepository.ts';

/** Adds an item to the catalog and announces it with `catalog.item.created`. */
export class CreateItem {
  constructor(
    private readonly items: ItemRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute(viewer: Viewer | null, fields: NewItem): Promise<Item> {
    requireAdmin(viewer);
    const now = new Date();
    const item = Item.create(fields, randomUUID(), now);
    // Taken once, outside the transaction, which the store may run again.
    const events = item.pullEvents();
    return this.unitOfWork.run(async (session, record) => {
      await this.items.insert(item, session);
      record(...events);
      return item;
    });
  }
}
