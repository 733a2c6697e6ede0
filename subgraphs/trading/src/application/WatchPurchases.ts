import {
  isSelfOrAdmin,
  NotFound,
  requireViewer,
  type LiveFeed,
  type Viewer,
} from '@play-economy/chassis/domain';
import type { PurchaseView } from '../domain/PurchaseView.ts';
import type { GetPurchase } from './GetPurchase.ts';

/** The live updates of the caller's purchases, or of one purchase. */
export class WatchPurchases {
  constructor(
    private readonly updates: LiveFeed<PurchaseView>,
    private readonly getPurchase: GetPurchase,
  ) {}

  /**
   * Without `id`, every update of the caller's own purchases. With `id`, that purchase's: the
   * buyer's or, for an admin, anyone's (FORBIDDEN for another player's, NOT_FOUND when there is
   * no such purchase).
   */
  async execute(viewer: Viewer | null, id?: string | null): Promise<AsyncGenerator<PurchaseView>> {
    const caller = requireViewer(viewer);
    if (id === undefined || id === null) {
      return this.updates.watch((update) => update.userId === caller.userId);
    }
    // Watch before looking the purchase up, so no update falls between the check and the watch.
    const watch = this.updates.watch(
      (update) => update.id === id && isSelfOrAdmin(caller, update.userId),
    );
    try {
      const purchase = await this.getPurchase.execute(caller, id);
      if (!purchase) throw new NotFound('Purchase', id);
    } catch (error) {
      await watch.return(undefined);
      throw error;
    }
    return watch;
  }
}
