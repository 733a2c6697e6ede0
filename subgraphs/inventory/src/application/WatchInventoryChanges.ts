import {
  requireSelfOrAdmin,
  requireViewer,
  type LiveFeed,
  type Viewer,
} from '@play-economy/chassis/domain';
import type { InventoryChangedPayload } from '../domain/InventoryEvents.ts';

/** The live changes of one user's inventory, for that user or an admin. */
export class WatchInventoryChanges {
  constructor(private readonly changes: LiveFeed<InventoryChangedPayload>) {}

  /**
   * The caller's own changes, or `userId`'s (FORBIDDEN unless the caller is that user or an
   * admin). The checks run before the first event, so a refused watch fails at once.
   */
  execute(viewer: Viewer | null, userId?: string | null): AsyncGenerator<InventoryChangedPayload> {
    const caller = requireViewer(viewer);
    const target = userId ?? caller.userId;
    requireSelfOrAdmin(caller, target);
    return this.changes.watch((change) => change.userId === target);
  }
}
