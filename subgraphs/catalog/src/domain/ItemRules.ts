import { InvalidInput } from '@play-economy/chassis/domain';

export const NAME_MAX_LENGTH = 100;
export const DESCRIPTION_MAX_LENGTH = 1000;
export const PRICE_MIN = 1;
export const PRICE_MAX = 1_000_000;

/** Trims surrounding white space; a name is 1 to 100 characters after that. */
export function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > NAME_MAX_LENGTH) {
    throw new InvalidInput('name', `name must be 1 to ${NAME_MAX_LENGTH} characters`);
  }
  return trimmed;
}

export function validDescription(description: string): string {
  if (description.length > DESCRIPTION_MAX_LENGTH) {
    throw new InvalidInput(
      'description',
      `description must be at most ${DESCRIPTION_MAX_LENGTH} characters`,
    );
  }
  return description;
}

export function validPrice(price: number): number {
  if (!Number.isInteger(price) || price < PRICE_MIN || price > PRICE_MAX) {
    throw new InvalidInput(
      'price',
      `price must be a whole number of gil from ${PRICE_MIN} to ${PRICE_MAX.toLocaleString('en')}`,
    );
  }
  return price;
}
