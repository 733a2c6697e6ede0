import {
  InvalidInput,
  pageSize,
  requireSelfOrAdmin,
  type Viewer,
} from '@play-economy/chassis/domain';
import type { InventoryEntryState } from '../domain/InventoryEntry.ts';
import {
  positionOf,
  type EntryPosition,
  type InventoryRepository,
} from '../domain/InventoryRepository.ts';
import type { KnownItemRepository } from '../domain/KnownItemRepository.ts';

/** The most entries one page may hold; the schema's default page is 50. */
export const MAX_PAGE_SIZE = 100;

/** Which page of a user's inventory to read. */
export interface InventoryPageRequest {
  /** 0 to {@link MAX_PAGE_SIZE}. */
  first: number;
  /** The item id of the last entry of the previous page; absent for the first page. */
  after?: string | undefined;
}

/** What a user owns, a page at a time: readable by the user themself or an admin. */
export class GetInventory {
  constructor(
    private readonly entries: InventoryRepository,
    private readonly knownItems: KnownItemRepository,
  ) {}

  /**
   * A page of the user's entries with a quantity above 0, oldest acquisition first. Entries of
   * items deleted from the catalog are left out (the catalog can no longer say what they are),
   * and the page is filled from the entries that follow them instead.
   */
  async execute(
    viewer: Viewer | null,
    userId: string,
    { first, after }: InventoryPageRequest,
  ): Promise<InventoryEntryState[]> {
    requireSelfOrAdmin(viewer, userId);
    const size = pageSize(first, MAX_PAGE_SIZE);
    let position = after === undefined ? undefined : await this.positionAfter(userId, after);
    const page: InventoryEntryState[] = [];
    // Each round reads only as many entries as the page still lacks; another round is needed
    // only when entries of deleted items were dropped from a full read.
    while (page.length < size) {
      const wanted = size - page.length;
      const read = await this.entries.findByUser(userId, { first: wanted, after: position });
      page.push(...(await this.withoutDeletedItems(read)));
      const last = read.at(-1);
      if (read.length < wanted || !last) break;
      position = positionOf(last);
    }
    return page;
  }

  /** Where the page after the user's entry for `itemId` starts; the user must have had it. */
  private async positionAfter(userId: string, itemId: string): Promise<EntryPosition> {
    const entry = await this.entries.find(userId, itemId);
    if (!entry) {
      throw new InvalidInput('after', 'after must be the item id of an entry of this inventory');
    }
    return positionOf(entry);
  }

  private async withoutDeletedItems(
    entries: InventoryEntryState[],
  ): Promise<InventoryEntryState[]> {
    if (entries.length === 0) return entries;
    const items = await this.knownItems.findMany(entries.map((entry) => entry.itemId));
    const deleted = new Set(items.filter((item) => item.deleted).map((item) => item.id));
    return entries.filter((entry) => !deleted.has(entry.itemId));
  }
}
