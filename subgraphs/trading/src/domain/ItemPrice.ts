/**
 * Trading's event-fed copy of one catalog item: what a purchase is priced with. A deleted item
 * stays as a tombstone, so an older `created`/`updated` event arriving late cannot revive it.
 */
export interface ItemPrice {
  itemId: string;
  name: string;
  /** Price of one unit in gil. */
  price: number;
  /** The catalog version this copy reflects. */
  version: number;
  deleted: boolean;
}
