import { InvalidInput } from '@play-economy/chassis/domain';
import { QUANTITY_MAX } from './QuantityRules.ts';

/** A grant would raise a user's total of an item above {@link QUANTITY_MAX}: it changed nothing. */
export class QuantityLimitExceeded extends InvalidInput {
  constructor() {
    super('quantity', `quantity would raise the user's total above ${QUANTITY_MAX}`);
  }
}
