import { InvalidInput } from '@play-economy/chassis/domain';
import { describe, expect, it } from 'vitest';
import {
  GRANT_MAX,
  isCommandQuantity,
  QUANTITY_MAX,
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
