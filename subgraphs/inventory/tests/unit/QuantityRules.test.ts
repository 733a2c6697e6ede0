import { InvalidInput } from '@play-economy/chassis/domain';
import { describe, expect, it } from 'vitest';
import {
  GRANT_MAX,
  isCommandQuantity,
  isOwnableTotal,
  QUANTITY_MAX,
  subtractionFrom,
  validGrantQuantity,
} from '../../src/domain/QuantityRules.ts';

describe('validGrantQuantity', () => {
  it.each([1, 2, 999, GRANT_MAX])('accepts %d', (quantity) => {
    expect(validGrantQuantity(quantity)).toBe(quantity);
  });

  it.each([0, -1, GRANT_MAX + 1, 1.5, Number.NaN])(
    'refuses %d with BAD_USER_INPUT naming quantity',
    (quantity) => {
      let caught: unknown;
      try {
        validGrantQuantity(quantity);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidInput);
      expect(caught).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'quantity' } });
      expect((caught as Error).message).toContain('quantity');
    },
  );
});

describe('isCommandQuantity', () => {
  it.each([1, 5000, QUANTITY_MAX])('accepts %d', (quantity) => {
    expect(isCommandQuantity(quantity)).toBe(true);
  });

  it.each([0, -3, 2.5, QUANTITY_MAX + 1, '3', null, undefined])('refuses %j', (quantity) => {
    expect(isCommandQuantity(quantity)).toBe(false);
  });
});

describe('isOwnableTotal', () => {
  it('allows totals up to a 32-bit Int', () => {
    expect(isOwnableTotal(QUANTITY_MAX)).toBe(true);
    expect(isOwnableTotal(QUANTITY_MAX + 1)).toBe(false);
  });
});

describe('subtractionFrom', () => {
  it('takes the whole quantity when there is enough', () => {
    expect(subtractionFrom(10, 4)).toEqual({ subtracted: 4, newQuantity: 6 });
    expect(subtractionFrom(4, 4)).toEqual({ subtracted: 4, newQuantity: 0 });
  });

  it('takes what there is, never going below 0', () => {
    expect(subtractionFrom(3, 5)).toEqual({ subtracted: 3, newQuantity: 0 });
    expect(subtractionFrom(0, 5)).toEqual({ subtracted: 0, newQuantity: 0 });
  });
});
