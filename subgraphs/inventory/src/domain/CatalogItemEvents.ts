/** An item event of the catalog as inventory understands it: whether the item exists now. */
export interface CatalogItemEvent {
  /** `deleted` for `catalog.item.deleted`; `present` for created and updated. */
  kind: 'present' | 'deleted';
  id: string;
  /** Starts at 1 and grows with every change, deletion included. */
  version: number;
}
