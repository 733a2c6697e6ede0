import { Forbidden, isSelfOrAdmin, requireViewer, type Viewer } from '@play-economy/chassis/domain';
import type { Purchase } from '../domain/Purchase.ts';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';

/** One purchase, for its buyer or an admin. */
export class GetPurchase {
  constructor(private readonly purchases: PurchaseRepository) {}

  /** Null when there is no such purchase; FORBIDDEN when it is another player's. */
  async execute(viewer: Viewer | null, id: string): Promise<Purchase | null> {
    const known = requireViewer(viewer);
    const purchase = await this.purchases.findById(id);
    if (!purchase) return null;
    if (!isSelfOrAdmin(known, purchase.userId)) {
      throw new Forbidden('Only the buyer or an admin may read a purchase');
    }
    return purchase;
  }
}
