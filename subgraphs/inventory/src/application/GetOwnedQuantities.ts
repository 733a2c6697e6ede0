import type { Viewer } from '@play-economy/chassis/domain';
import type { InventoryRepository } from '../domain/InventoryRepository.ts';

/** How many of each given item the caller owns, in one read. */
export class GetOwnedQuantities {
  constructor(private readonly entries: InventoryRepository) {}

  /** One quantity per id, in the order given: 0 for items not owned, all 0 when anonymous. */
  async execute(viewer: Viewer | null, itemIds: readonly string[]): Promise<number[]> {
    if (viewer === null || itemIds.length === 0) return itemIds.map(() => 0);
    const owned = await this.entries.quantitiesOf(viewer.userId, [...new Set(itemIds)]);
    return itemIds.map((id) => owned.get(id) ?? 0);
  }
}
