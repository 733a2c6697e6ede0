import {
  InvalidInput,
  NotFound,
  requireAdmin,
  type UnitOfWork,
  type Viewer,
} from '@play-economy/chassis/domain';
import type { InventoryEntryState } from '../domain/InventoryEntry.ts';
import { isGrantable } from '../domain/KnownItem.ts';
import type { KnownItemRepository } from '../domain/KnownItemRepository.ts';
import { validGrantQuantity } from '../domain/QuantityRules.ts';
import type { ChangeEntryQuantity } from './ChangeEntryQuantity.ts';

/**
 * An admin gives a user items. The item must be one the catalog has and has not deleted
 * (NOT_FOUND otherwise); the change is announced with `inventory.changed`. Admins only.
 */
export class GrantItems {
  constructor(
    private readonly quantities: ChangeEntryQuantity,
    private readonly knownItems: KnownItemRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(
    viewer: Viewer | null,
    userId: string,
    itemId: string,
    quantity: number,
  ): Promise<InventoryEntryState> {
    requireAdmin(viewer);
    const amount = validGrantQuantity(quantity);
    if (userId.trim() === '') throw new InvalidInput('userId', 'userId must not be empty');
    return this.unitOfWork.run(async (session, record) => {
      if (!isGrantable(await this.knownItems.find(itemId, session))) {
        throw new NotFound('Item', itemId);
      }
      // A grant past the largest ownable total throws QuantityLimitExceeded (BAD_USER_INPUT).
      const entry = await this.quantities.grant(
        userId,
        itemId,
        amount,
        { cause: 'admin-grant' },
        session,
      );
      record(...entry.pullEvents());
      const state = entry.toState();
      if (state === null) throw new Error(`inventory entry ${userId}/${itemId} was not stored`);
      return state;
    });
  }
}
