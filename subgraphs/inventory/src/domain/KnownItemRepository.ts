import type { StoreSession } from '@play-economy/chassis/domain';
import type { KnownItem } from './KnownItem.ts';

/** The catalog items inventory has heard of, tombstones included. */
export interface KnownItemRepository {
  find(id: string, session?: StoreSession): Promise<KnownItem | null>;
  findMany(ids: readonly string[]): Promise<KnownItem[]>;
  /**
   * Saves `item` if the stored record is still at `expectedVersion` (null: none stored yet);
   * throws when it changed meanwhile, so the event is handled again against the new state.
   */
  save(item: KnownItem, expectedVersion: number | null, session: StoreSession): Promise<void>;
}
