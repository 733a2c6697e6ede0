import { randomUUID } from 'node:crypto';
import { Purchase, type NewPurchase } from '../../src/domain/Purchase.ts';

let sequence = 0;

/** Builds a new (ACCEPTED) purchase; each call uses a different idempotency key. */
export function aPurchase() {
  sequence++;
  const fields: NewPurchase = {
    userId: 'user-1',
    itemId: 'item-1',
    quantity: 2,
    unitPrice: 30,
    idempotencyKey: `key-${sequence}`,
  };
  let acceptedAt = new Date('2026-01-01T00:00:00.000Z');
  const builder = {
    by(userId: string) {
      fields.userId = userId;
      return builder;
    },
    of(quantity: number, itemId = fields.itemId) {
      fields.quantity = quantity;
      fields.itemId = itemId;
      return builder;
    },
    pricedAt(unitPrice: number) {
      fields.unitPrice = unitPrice;
      return builder;
    },
    withKey(idempotencyKey: string) {
      fields.idempotencyKey = idempotencyKey;
      return builder;
    },
    acceptedAt(instant: Date) {
      acceptedAt = instant;
      return builder;
    },
    fields: () => ({ ...fields }),
    build: () => Purchase.accept({ ...fields }, randomUUID(), acceptedAt),
  };
  return builder;
}
