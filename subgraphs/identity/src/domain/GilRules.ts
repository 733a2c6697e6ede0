import { InsufficientGil, InvalidInput } from '@play-economy/chassis/domain';

/** The largest balance: GraphQL's `Int` is a signed 32-bit number. */
export const GIL_MAX = 2_147_483_647;

/** What a balance must be before `delta` is applied for the result to stay within 0..GIL_MAX. */
export interface BalanceBounds {
  min: number;
  max: number;
}

export function balanceBoundsFor(delta: number): BalanceBounds {
  return { min: Math.max(0, -delta), max: Math.min(GIL_MAX, GIL_MAX - delta) };
}

/** An admin adjustment: a whole number of gil, not 0, that no balance could absorb beyond GIL_MAX. */
export function validAdjustment(amount: number): number {
  if (!Number.isSafeInteger(amount) || amount === 0 || Math.abs(amount) > GIL_MAX) {
    throw new InvalidInput(
      'amount',
      `amount must be a whole number of gil other than 0, from -${GIL_MAX} to ${GIL_MAX}`,
    );
  }
  return amount;
}

/** A starting balance for new players: 0 to GIL_MAX. */
export function validStartingGil(gil: number): number {
  if (!Number.isSafeInteger(gil) || gil < 0 || gil > GIL_MAX) {
    throw new RangeError(`starting gil must be a whole number from 0 to ${GIL_MAX}`);
  }
  return gil;
}

/**
 * The balance after applying `delta`, or the reason it cannot be applied: a balance is never
 * below 0 nor above GIL_MAX.
 */
export function balanceAfter(
  balance: number,
  delta: number,
): { ok: true; balance: number } | { ok: false; reason: 'INSUFFICIENT_GIL' | 'TOO_MUCH_GIL' } {
  const next = balance + delta;
  if (next < 0) return { ok: false, reason: 'INSUFFICIENT_GIL' };
  if (next > GIL_MAX) return { ok: false, reason: 'TOO_MUCH_GIL' };
  return { ok: true, balance: next };
}

/** The client-facing error for a change a balance cannot take. */
export function gilChangeRefused(
  reason: 'INSUFFICIENT_GIL' | 'TOO_MUCH_GIL',
  balance: number,
  delta: number,
): Error {
  if (reason === 'INSUFFICIENT_GIL') {
    return new InsufficientGil(
      `The balance is ${balance} gil; taking ${-delta} would leave it below 0`,
      { balance, amount: delta },
    );
  }
  return new InvalidInput('amount', `amount would raise the balance above ${GIL_MAX} gil`);
}
