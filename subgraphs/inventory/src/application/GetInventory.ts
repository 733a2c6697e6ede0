import { requireSelfOrAdmin, type Viewer } from '@play-economy/chassis';
import type { InventoryEntry } from '../domain/InventoryEntry.ts';
import type { InventoryRepository } from '../domain/InventoryRepository.ts';
import type { KnownItemRepository } from '../domain/KnownItemRepository.ts';

/** What a user owns: readable by the user themself or an admin. */
export class GetInventory {
  constructor(
    private readonly entries: InventoryRepository,
    private readonly knownItems: KnownItemRepository,
  ) {}

  /**
   * The user's entries with a quantity above 0, oldest acquisition first. Entries of items
   * deleted from the catalog are left out: the catalog can no longer say what they are.
   */
  async execute(viewer: Viewer | null, userId: string): Promise<InventoryEntry[]> {
    requireSelfOrAdmin(viewer, userId);
    const entries = await this.entries.findByUser(userId);
    if (entries.length === 0) return entries;
    const items = await this.knownItems.findMany(entries.map((entry) => entry.itemId));
    const deleted = new Set(items.filter((item) => item.deleted).map((item) => item.id));
    return entries.filter((entry) => !deleted.has(entry.itemId));
  }
}
