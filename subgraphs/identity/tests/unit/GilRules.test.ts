import { InsufficientGil, InvalidInput } from '@play-economy/chassis/domain';
import { describe, expect, it } from 'vitest';
import {
  balanceAfter,
  balanceBoundsFor,
  GIL_MAX,
  gilChangeRefused,
  validAdjustment,
} from '../../src/domain/GilRules.ts';

describe('gil rules', () => {
  it('never lets a balance go below 0', () => {
    expect(balanceAfter(100, -100)).toEqual({ ok: true, balance: 0 });
    expect(balanceAfter(100, -101)).toEqual({ ok: false, reason: 'INSUFFICIENT_GIL' });
    expect(balanceAfter(0, 5)).toEqual({ ok: true, balance: 5 });
  });

  it('never lets a balance exceed what GraphQL Int can carry', () => {
    expect(balanceAfter(GIL_MAX - 1, 1)).toEqual({ ok: true, balance: GIL_MAX });
    expect(balanceAfter(GIL_MAX, 1)).toEqual({ ok: false, reason: 'TOO_MUCH_GIL' });
  });

  it('gives the range a balance must be in for a change to apply (the store filters on it)', () => {
    expect(balanceBoundsFor(-30)).toEqual({ min: 30, max: GIL_MAX });
    expect(balanceBoundsFor(30)).toEqual({ min: 0, max: GIL_MAX - 30 });
    for (const [balance, delta] of [
      [29, -30],
      [30, -30],
      [GIL_MAX - 30, 30],
      [GIL_MAX - 29, 30],
    ] as const) {
      const { min, max } = balanceBoundsFor(delta);
      expect(balance >= min && balance <= max).toBe(balanceAfter(balance, delta).ok);
    }
  });

  it.each([0, 1.5, Number.NaN, GIL_MAX + 1, -GIL_MAX - 1])(
    'refuses an adjustment of %s naming amount',
    (amount) => {
      expect(() => validAdjustment(amount)).toThrow(InvalidInput);
      try {
        validAdjustment(amount);
      } catch (error) {
        expect((error as InvalidInput).details['field']).toBe('amount');
      }
    },
  );

  it('accepts whole adjustments either way', () => {
    expect(validAdjustment(-5)).toBe(-5);
    expect(validAdjustment(GIL_MAX)).toBe(GIL_MAX);
  });

  it('explains a refusal: INSUFFICIENT_GIL with the balance', () => {
    const error = gilChangeRefused('INSUFFICIENT_GIL', 20, -50);
    expect(error).toBeInstanceOf(InsufficientGil);
    expect((error as InsufficientGil).details).toEqual({ balance: 20, amount: -50 });
    expect(error.message).toContain('20');
  });
});
