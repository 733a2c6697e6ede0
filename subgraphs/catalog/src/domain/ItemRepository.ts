import type { StoreSession } from '@play-economy/chassis/domain';
import type { Item } from './Item.ts';

/** Where a page of the catalog starts: just after this item in name order. */
export interface ItemPosition {
  /** The item's name, lower-cased: the catalog's sort key. */
  sortName: string;
  /** Breaks ties between equal names. */
  id: string;
}

export interface ItemQuery {
  /** Keep items whose name contains this, ignoring case. */
  search?: string | undefined;
  after?: ItemPosition | undefined;
  first: number;
}

export interface ItemPage {
  items: Item[];
  hasNextPage: boolean;
  /** Items matching the search in all pages. */
  totalCount: number;
}

/** The catalog's items, sorted by name then id. */
export interface ItemRepository {
  findById(id: string): Promise<Item | null>;
  findPage(query: ItemQuery): Promise<ItemPage>;
  insert(item: Item, session: StoreSession): Promise<void>;
  /** Saves an item loaded before; false when it was changed or deleted meanwhile. */
  update(item: Item, expectedVersion: number, session: StoreSession): Promise<boolean>;
  remove(id: string, session: StoreSession): Promise<boolean>;
}

export function positionOf(item: Item): ItemPosition {
  return { sortName: item.name.toLowerCase(), id: item.id };
}

export function isItemPosition(value: unknown): value is ItemPosition {
  if (typeof value !== 'object' || value === null) return false;
  const { sortName, id } = value as Record<string, unknown>;
  return typeof sortName === 'string' && typeof id === 'string';
}
