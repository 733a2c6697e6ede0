import { requireSelfOrAdmin, type Viewer } from '@play-economy/chassis';
import type { Purchase } from '../domain/Purchase.ts';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';

/** A user's purchases, newest first: for the user themself or an admin. */
export class ListPurchases {
  constructor(private readonly purchases: PurchaseRepository) {}

  async execute(viewer: Viewer | null, userId: string): Promise<Purchase[]> {
    requireSelfOrAdmin(viewer, userId);
    return this.purchases.listByUser(userId);
  }
}
