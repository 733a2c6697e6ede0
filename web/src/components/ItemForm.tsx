import type { CombinedError } from '@urql/core';
import { useState, type FormEvent } from 'react';
import { wholeNumberOf } from '../api/formProblem.ts';
import { FieldError, fieldProps, FormError } from './FieldError.tsx';
import { useFormProblem } from './useFormProblem.ts';

/** What an admin writes about an item. */
export interface ItemFields {
  name: string;
  description: string;
  price: number;
}

const FIELDS = ['name', 'description', 'price'] as const;

export interface ItemFormProps {
  /** Prefix of the form's ids: two forms on one page need two. */
  form: string;
  /** The item's current values, for an edit; empty fields for a new item. */
  initial?: ItemFields;
  submitLabel: string;
  busyLabel: string;
  /** Sends the fields; resolves to the API's refusal, or undefined when it took them. */
  onSubmit(fields: ItemFields): Promise<CombinedError | undefined>;
  /** Empties the fields after a success (a new item), rather than keeping them (an edit). */
  clearOnSuccess?: boolean;
}

/**
 * Name, description and price of an item. The API is the one judge of the rules (hinted under
 * each field): its `BAD_USER_INPUT` is shown next to the field it names and focuses it. Only a
 * price that is not a whole number is caught here, since GraphQL could not even carry it.
 */
export function ItemForm({
  form,
  initial,
  submitLabel,
  busyLabel,
  onSubmit,
  clearOnSuccess = false,
}: ItemFormProps) {
  const { formRef, problem, refuse, refuseError, clear } = useFormProblem(FIELDS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const price = wholeNumberOf(String(data.get('price') ?? ''));
    if (price === undefined) {
      refuse({
        field: 'price',
        message: 'Please check the price: it must be a whole number of gil.',
      });
      return;
    }
    clear();
    setBusy(true);
    const error = await onSubmit({
      name: String(data.get('name') ?? ''),
      description: String(data.get('description') ?? ''),
      price,
    }).finally(() => setBusy(false));
    if (error) refuseError(error);
    else if (clearOnSuccess) element.reset();
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${form}-name`}>Name</label>
      <input
        {...fieldProps(form, 'name', problem, `${form}-name-rule`)}
        defaultValue={initial?.name}
        autoComplete="off"
      />
      <p id={`${form}-name-rule`} className="hint">
        1 to 100 characters.
      </p>
      <FieldError form={form} field="name" problem={problem} />

      <label htmlFor={`${form}-description`}>Description</label>
      <textarea
        {...fieldProps(form, 'description', problem, `${form}-description-rule`)}
        defaultValue={initial?.description}
        rows={3}
      />
      <p id={`${form}-description-rule`} className="hint">
        At most 1,000 characters.
      </p>
      <FieldError form={form} field="description" problem={problem} />

      <label htmlFor={`${form}-price`}>Price (gil)</label>
      <input
        {...fieldProps(form, 'price', problem, `${form}-price-rule`)}
        defaultValue={initial?.price}
        inputMode="numeric"
        autoComplete="off"
      />
      <p id={`${form}-price-rule`} className="hint">
        A whole number from 1 to 1,000,000.
      </p>
      <FieldError form={form} field="price" problem={problem} />

      <FormError problem={problem} />
      <button type="submit" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
}
