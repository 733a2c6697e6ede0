import {
  Conflict,
  NotFound,
  requireAdmin,
  type UnitOfWork,
  type Viewer,
} from '@play-economy/chassis/domain';
import type { Item, ItemChanges } from '../domain/Item.ts';
import type { ItemRepository } from '../domain/ItemRepository.ts';

/** Changes an item and announces its new state with `catalog.item.updated`. */
export class UpdateItem {
  constructor(
    private readonly items: ItemRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(viewer: Viewer | null, id: string, changes: ItemChanges): Promise<Item> {
    requireAdmin(viewer);
    const item = await this.items.findById(id);
    if (!item) throw new NotFound('Item', id);
    const loadedVersion = item.version;
    const now = new Date();
    item.update(changes, now);
    // Taken once, outside the transaction, which the store may run again.
    const events = item.pullEvents();
    return this.unitOfWork.run(async (session, record) => {
      // Optimistic concurrency: a change made meanwhile must not be silently overwritten.
      if (!(await this.items.update(item, loadedVersion, session))) {
        if (!(await this.items.findById(id))) throw new NotFound('Item', id);
        throw new Conflict(`Item ${id} was changed by someone else; read it again and retry`);
      }
      record(...events);
      return item;
    });
  }
}
