import { InvalidInput } from '@play-economy/chassis/domain';

/** The most an admin may grant at once. */
export const GRANT_MAX = 1000;

/** The largest quantity anyone can own of one item: GraphQL's `Int` is a signed 32-bit number. */
export const QUANTITY_MAX = 2_147_483_647;

/** An admin grant: a whole number from 1 to {@link GRANT_MAX}. */
export function validGrantQuantity(quantity: number): number {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > GRANT_MAX) {
    throw new InvalidInput('quantity', `quantity must be a whole number from 1 to ${GRANT_MAX}`);
  }
  return quantity;
}

/** Whether a quantity in a command is one inventory can act on: 1 to {@link QUANTITY_MAX}. */
export function isCommandQuantity(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= QUANTITY_MAX
  );
}
