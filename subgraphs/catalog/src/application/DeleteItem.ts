import { NotFound, requireAdmin, type UnitOfWork, type Viewer } from '@play-economy/chassis/domain';
import type { ItemRepository } from '../domain/ItemRepository.ts';

/** Removes an item and announces it with `catalog.item.deleted`; returns its id. */
export class DeleteItem {
  constructor(
    private readonly items: ItemRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(viewer: Viewer | null, id: string): Promise<string> {
    requireAdmin(viewer);
    const item = await this.items.findById(id);
    if (!item) throw new NotFound('Item', id);
    item.delete();
    // Taken once, outside the transaction, which the store may run again.
    const events = item.pullEvents();
    return this.unitOfWork.run(async (session, record) => {
      if (!(await this.items.remove(id, session))) throw new NotFound('Item', id);
      record(...events);
      return id;
    });
  }
}
