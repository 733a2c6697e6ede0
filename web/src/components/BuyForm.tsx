import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../api/describeError.ts';
import { graphql } from '../gql/index.ts';
import type { PurchaseFieldsFragment } from '../gql/graphql.ts';

const BuyItemDocument = graphql(`
  mutation BuyItem($input: PurchaseInput!) {
    purchase(input: $input) {
      ...PurchaseFields
    }
  }
`);

const MAX_QUANTITY = 100;

export interface BuyFormProps {
  item: { id: string; name: string; price: number };
  onPurchase: (purchase: PurchaseFieldsFragment) => void;
}

/**
 * Buys the item in a quantity. Each attempt at a purchase has its own idempotency key: sending
 * it again (a double click, a retry after a lost answer) returns the same purchase instead of
 * buying twice. The key is replaced once the store has answered with a purchase, or when the
 * quantity changes (the same key for another quantity would be a conflict).
 */
export function BuyForm({ item, onPurchase }: BuyFormProps) {
  const [quantity, setQuantity] = useState(1);
  const [problem, setProblem] = useState<string>();
  const [{ fetching }, buy] = useMutation(BuyItemDocument);
  const attemptKey = useRef<string | undefined>(undefined);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(undefined);
    attemptKey.current ??= crypto.randomUUID();
    const result = await buy({
      input: { itemId: item.id, quantity, idempotencyKey: attemptKey.current },
    });
    if (result.data) {
      attemptKey.current = undefined;
      onPurchase(result.data.purchase);
    } else if (result.error) {
      setProblem(describeError(result.error));
    }
  };
  const valid = Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY;
  return (
    <form className="buy" onSubmit={(event) => void submit(event)} aria-label={`Buy ${item.name}`}>
      <label htmlFor="quantity">Quantity</label>
      <input
        id="quantity"
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_QUANTITY}
        value={Number.isNaN(quantity) ? '' : quantity}
        onChange={(event) => {
          attemptKey.current = undefined;
          setQuantity(event.currentTarget.valueAsNumber);
        }}
        aria-describedby="total"
      />
      <p id="total" className="total">
        {valid ? `Total: ${(item.price * quantity).toLocaleString('en')} gil` : 'Choose 1 to 100.'}
      </p>
      <button type="submit" disabled={fetching || !valid}>
        {fetching ? 'Buying…' : 'Buy'}
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
