import {
  InvalidInput,
  pageSize,
  requireSelfOrAdmin,
  type Viewer,
} from '@play-economy/chassis/domain';
import type { Purchase } from '../domain/Purchase.ts';
import {
  positionOf,
  type PurchasePosition,
  type PurchaseRepository,
} from '../domain/PurchaseRepository.ts';

/** The most purchases one page may hold; the schema's default page is 50. */
export const MAX_PAGE_SIZE = 100;

/** Which page of a user's purchases to read. */
export interface PurchasePageRequest {
  /** 0 to {@link MAX_PAGE_SIZE}. */
  first: number;
  /** The id of the last purchase of the previous page; absent for the first page. */
  after?: string | undefined;
}

/** A user's purchases, newest first, a page at a time: for the user themself or an admin. */
export class ListPurchases {
  constructor(private readonly purchases: PurchaseRepository) {}

  async execute(
    viewer: Viewer | null,
    userId: string,
    { first, after }: PurchasePageRequest,
  ): Promise<Purchase[]> {
    requireSelfOrAdmin(viewer, userId);
    const size = pageSize(first, MAX_PAGE_SIZE);
    const start = after === undefined ? undefined : await this.positionAfter(userId, after);
    if (size === 0) return [];
    return this.purchases.listByUser(userId, { first: size, after: start });
  }

  /** Where the page after purchase `id` starts; the purchase must be one of the user's. */
  private async positionAfter(userId: string, id: string): Promise<PurchasePosition> {
    const purchase = await this.purchases.findById(id);
    if (!purchase || purchase.userId !== userId) {
      throw new InvalidInput('after', "after must be the id of one of this user's purchases");
    }
    return positionOf(purchase);
  }
}
