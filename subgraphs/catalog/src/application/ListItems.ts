import { pageSize } from '@play-economy/chassis/domain';
import type { ItemPage, ItemQuery, ItemRepository } from '../domain/ItemRepository.ts';

export const MAX_PAGE_SIZE = 100;

/** A page of the catalog in name order, optionally filtered by a name search. */
export class ListItems {
  constructor(private readonly items: ItemRepository) {}

  execute({ first, after, search }: ItemQuery): Promise<ItemPage> {
    const trimmed = search?.trim();
    return this.items.findPage({
      first: pageSize(first, MAX_PAGE_SIZE),
      after,
      search: trimmed ? trimmed : undefined,
    });
  }
}
