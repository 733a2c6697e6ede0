import type { StoreSession } from '@play-economy/chassis/domain';
import type { Purchase } from './Purchase.ts';

/** A second purchase with a user's idempotency key was refused by the store. */
export class DuplicateIdempotencyKey extends Error {
  constructor(userId: string, idempotencyKey: string) {
    super(`user ${userId} already has a purchase with idempotency key ${idempotencyKey}`);
    this.name = 'DuplicateIdempotencyKey';
  }
}

/** Where a page of a user's purchases starts: just after this purchase, newest first. */
export interface PurchasePosition {
  createdAt: Date;
  /** Breaks ties between purchases accepted at the same instant. */
  id: string;
}

/** One page of a user's purchases. */
export interface PurchasePageQuery {
  /** At most this many, 1 or more. */
  first: number;
  after?: PurchasePosition | undefined;
}

export function positionOf(purchase: Purchase): PurchasePosition {
  return { createdAt: purchase.createdAt, id: purchase.id };
}

/** Purchases; at most one per user and idempotency key. */
export interface PurchaseRepository {
  findById(id: string, session?: StoreSession): Promise<Purchase | null>;
  findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<Purchase | null>;
  /**
   * A page of a user's purchases, newest first: by `createdAt`, then by id, both descending.
   * The store applies the limit; it never loads the user's other purchases.
   */
  listByUser(userId: string, page: PurchasePageQuery): Promise<Purchase[]>;
  /** Throws {@link DuplicateIdempotencyKey} when the user already used the key. */
  insert(purchase: Purchase, session: StoreSession): Promise<void>;
  /**
   * Saves a purchase loaded at `expectedVersion`; false when it changed meanwhile, so two
   * concurrent handlers can never both apply a transition.
   */
  save(purchase: Purchase, expectedVersion: number, session: StoreSession): Promise<boolean>;
  /** Unsettled purchases whose pending command was last sent at or before `sentBefore`. */
  findStalled(sentBefore: Date, limit: number): Promise<Purchase[]>;
}
