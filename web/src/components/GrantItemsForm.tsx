import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { wholeNumberOf } from '../api/formProblem.ts';
import { graphql } from '../gql/index.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { FieldError, fieldProps, FormError } from './FieldError.tsx';
import { useFormProblem } from './useFormProblem.ts';

/** How many items the item list offers at once; the filter narrows it. */
const CHOICES = 50;

const GrantableItemsDocument = graphql(`
  query GrantableItems($first: Int!, $search: String) {
    items(first: $first, search: $search) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const GrantItemsDocument = graphql(`
  mutation GrantItems($userId: ID!, $itemId: ID!, $quantity: Int!) {
    grantItems(userId: $userId, itemId: $itemId, quantity: $quantity) {
      quantity
      item {
        id
        name
      }
    }
  }
`);

const FORM = 'grant';
const FIELDS = ['itemId', 'quantity'] as const;

export interface GrantItemsFormProps {
  user: { id: string; username: string };
  /** Called after a grant, so the page reads the inventory again. */
  onGranted(): void;
}

/** Gives a player some of an item, chosen from the catalog (filtered by name). */
export function GrantItemsForm({ user, onGranted }: GrantItemsFormProps) {
  const [filter, setFilter] = useState('');
  const [{ data, error: listError }] = useQuery({
    query: GrantableItemsDocument,
    variables: { first: CHOICES, search: filter.trim() || null },
  });
  const [{ fetching }, grantItems] = useMutation(GrantItemsDocument);
  const { formRef, problem, refuse, refuseError, clear } = useFormProblem(FIELDS);
  const [granted, setGranted] = useState<string>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setGranted(undefined);
    const form = new FormData(event.currentTarget);
    const itemId = String(form.get('itemId') ?? '');
    const quantity = wholeNumberOf(String(form.get('quantity') ?? ''));
    if (itemId === '') return refuse({ field: 'itemId', message: 'Please choose an item.' });
    if (quantity === undefined) {
      return refuse({
        field: 'quantity',
        message: 'Please check the quantity: it must be a whole number.',
      });
    }
    clear();
    const result = await grantItems({ userId: user.id, itemId, quantity });
    const entry = result.data?.grantItems;
    if (entry) {
      setGranted(
        `Granted ${quantity} × ${entry.item.name}: ${user.username} now has ${entry.quantity}.`,
      );
      onGranted();
    } else if (result.error) {
      refuseError(result.error);
    }
  };

  const choices = data?.items.edges.map(({ node }) => node) ?? [];
  const more = (data?.items.totalCount ?? 0) - choices.length;
  return (
    <section aria-labelledby="grant-heading" className="panel">
      <h2 id="grant-heading">Grant items</h2>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <label htmlFor="grant-filter">Find an item</label>
        <input
          id="grant-filter"
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
          aria-describedby="grant-filter-hint"
        />
        <p id="grant-filter-hint" className="hint">
          {more > 0
            ? `The list shows the first ${choices.length} of ${data?.items.totalCount}: type to narrow it.`
            : 'Type part of a name to narrow the list.'}
        </p>
        <label htmlFor={`${FORM}-itemId`}>Item</label>
        <select {...fieldProps(FORM, 'itemId', problem)} defaultValue="">
          <option value="" disabled>
            {choices.length === 0 ? 'No item matches' : 'Choose an item'}
          </option>
          {choices.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
        <FieldError form={FORM} field="itemId" problem={problem} />
        {listError && <ErrorAlert error={listError} />}
        <label htmlFor={`${FORM}-quantity`}>Quantity</label>
        <input
          {...fieldProps(FORM, 'quantity', problem, `${FORM}-quantity-rule`)}
          inputMode="numeric"
          defaultValue="1"
          autoComplete="off"
        />
        <p id={`${FORM}-quantity-rule`} className="hint">
          1 to 1,000 at a time.
        </p>
        <FieldError form={FORM} field="quantity" problem={problem} />
        <FormError problem={problem} />
        <button type="submit" disabled={fetching}>
          {fetching ? 'Granting…' : 'Grant'}
        </button>
      </form>
      <p className="success" role="status">
        {granted}
      </p>
    </section>
  );
}
