import { InvalidInput } from '@play-economy/chassis/domain';

export const QUANTITY_MIN = 1;
export const QUANTITY_MAX = 100;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 100;

export function validQuantity(quantity: number): number {
  if (!Number.isInteger(quantity) || quantity < QUANTITY_MIN || quantity > QUANTITY_MAX) {
    throw new InvalidInput(
      'quantity',
      `quantity must be a whole number from ${QUANTITY_MIN} to ${QUANTITY_MAX}`,
    );
  }
  return quantity;
}

export function validIdempotencyKey(key: string): string {
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw new InvalidInput(
      'idempotencyKey',
      `idempotencyKey must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`,
    );
  }
  return key;
}

/** What a purchase costs: the unit price times the quantity. */
export function totalOf(unitPrice: number, quantity: number): number {
  const total = unitPrice * quantity;
  if (!Number.isSafeInteger(total) || total <= 0) {
    throw new RangeError(`no valid total for ${quantity} × ${unitPrice}`);
  }
  return total;
}

/** How long a step may wait for its reply, and how often its command is sent before giving up. */
export interface StepTimeoutPolicy {
  timeoutMs: number;
  /** Sends of one command in all, the first included. */
  maxAttempts: number;
}
