import { randomUUID } from 'node:crypto';
import {
  Conflict,
  NotFound,
  requireViewer,
  type UnitOfWork,
  type Viewer,
} from '@play-economy/chassis/domain';
import type { ItemPriceRepository } from '../domain/ItemPriceRepository.ts';
import { Purchase } from '../domain/Purchase.ts';
import { DuplicateIdempotencyKey, type PurchaseRepository } from '../domain/PurchaseRepository.ts';
import { validIdempotencyKey, validQuantity } from '../domain/PurchaseRules.ts';

export interface PurchaseRequest {
  itemId: string;
  quantity: number;
  idempotencyKey: string;
}

/**
 * A player buys an item: the purchase is priced from trading's copy of the catalog and
 * recorded ACCEPTED together with the command asking inventory to grant the items; the rest of
 * the saga runs asynchronously. The same idempotency key returns the same purchase.
 */
export class RequestPurchase {
  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly prices: ItemPriceRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(viewer: Viewer | null, request: PurchaseRequest): Promise<Purchase> {
    const buyer = requireViewer(viewer);
    const quantity = validQuantity(request.quantity);
    const idempotencyKey = validIdempotencyKey(request.idempotencyKey);
    const item = await this.prices.findSold(request.itemId);
    if (!item) {
      // A retry of a purchase accepted before the item left the store still gets it back.
      const existing = await this.purchases.findByIdempotencyKey(buyer.userId, idempotencyKey);
      if (existing) return this.#sameRequest(existing, request.itemId, quantity);
      throw new NotFound('Item', request.itemId);
    }
    const now = new Date();
    const purchase = Purchase.accept(
      {
        userId: buyer.userId,
        itemId: item.itemId,
        quantity,
        unitPrice: item.price,
        idempotencyKey,
      },
      randomUUID(),
      now,
    );
    // Taken once, outside the transaction, which the store may run again.
    const messages = purchase.pullMessages();
    try {
      return await this.unitOfWork.run(async (session, record) => {
        await this.purchases.insert(purchase, session);
        record(...messages);
        return purchase;
      });
    } catch (error) {
      // The unique index decided: this key was used before (perhaps by a concurrent request).
      if (!(error instanceof DuplicateIdempotencyKey)) throw error;
      const existing = await this.purchases.findByIdempotencyKey(buyer.userId, idempotencyKey);
      if (!existing) throw error;
      return this.#sameRequest(existing, request.itemId, quantity);
    }
  }

  #sameRequest(existing: Purchase, itemId: string, quantity: number): Purchase {
    if (existing.matches(itemId, quantity)) return existing;
    throw new Conflict(
      'idempotencyKey was already used for a different purchase; use a new key for a new purchase',
      { field: 'idempotencyKey', purchaseId: existing.id },
    );
  }
}
