import { NotFound, type UnitOfWork } from '@play-economy/chassis';
import type { ItemRepository } from '../domain/ItemRepository.ts';
import { recordEvents } from './recordEvents.ts';

/** Removes an item and announces it with `catalog.item.deleted`; returns its id. */
export class DeleteItem {
  constructor(
    private readonly items: ItemRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(id: string): Promise<string> {
    const item = await this.items.findById(id);
    if (!item) throw new NotFound('Item', id);
    item.delete();
    return this.unitOfWork.run(async (session, record) => {
      if (!(await this.items.remove(id, session))) throw new NotFound('Item', id);
      recordEvents(item, record, new Date());
      return id;
    });
  }
}
