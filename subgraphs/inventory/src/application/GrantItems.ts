import {
  InvalidInput,
  NotFound,
  requireAdmin,
  type UnitOfWork,
  type Viewer,
} from '@play-economy/chassis/domain';
import { InventoryChanged } from '../domain/InventoryEvents.ts';
import type { InventoryEntry } from '../domain/InventoryEntry.ts';
import type { InventoryRepository } from '../domain/InventoryRepository.ts';
import { isGrantable } from '../domain/KnownItem.ts';
import type { KnownItemRepository } from '../domain/KnownItemRepository.ts';
import { isOwnableTotal, QUANTITY_MAX, validGrantQuantity } from '../domain/QuantityRules.ts';

/**
 * An admin gives a user items. The item must be one the catalog has and has not deleted
 * (NOT_FOUND otherwise); the change is announced with `inventory.changed`. Admins only.
 */
export class GrantItems {
  constructor(
    private readonly entries: InventoryRepository,
    private readonly knownItems: KnownItemRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(
    viewer: Viewer | null,
    userId: string,
    itemId: string,
    quantity: number,
  ): Promise<InventoryEntry> {
    requireAdmin(viewer);
    const amount = validGrantQuantity(quantity);
    if (userId.trim() === '') throw new InvalidInput('userId', 'userId must not be empty');
    return this.unitOfWork.run(async (session, record) => {
      if (!isGrantable(await this.knownItems.find(itemId, session))) {
        throw new NotFound('Item', itemId);
      }
      const now = new Date();
      const entry = await this.entries.add(userId, itemId, amount, now, session);
      if (!isOwnableTotal(entry.quantity)) {
        // Thrown inside the transaction: the addition rolls back.
        throw new InvalidInput(
          'quantity',
          `quantity would raise the user's total above ${QUANTITY_MAX}`,
        );
      }
      record(
        InventoryChanged.of({
          userId,
          itemId,
          quantity: entry.quantity,
          delta: amount,
          cause: 'admin-grant',
        }),
      );
      return entry;
    });
  }
}
