import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { wholeNumberOf } from '../api/formProblem.ts';
import { graphql } from '../gql/index.ts';
import { FieldError, fieldProps, FormError } from './FieldError.tsx';
import { useFormProblem } from './useFormProblem.ts';

const AdjustGilDocument = graphql(`
  mutation AdjustGil($userId: ID!, $amount: Int!) {
    adjustGil(userId: $userId, amount: $amount) {
      id
      gil
    }
  }
`);

const FORM = 'adjust-gil';
const FIELDS = ['amount'] as const;

export interface AdjustGilFormProps {
  user: { id: string; username: string };
  /** Called after an adjustment. */
  onAdjusted(): void;
}

/** Adds gil to a player's balance, or takes some away; a balance never goes below 0. */
export function AdjustGilForm({ user, onAdjusted }: AdjustGilFormProps) {
  const [{ fetching }, adjustGil] = useMutation(AdjustGilDocument);
  const { formRef, problem, refuse, refuseError, clear } = useFormProblem(FIELDS);
  const [adjusted, setAdjusted] = useState<string>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAdjusted(undefined);
    const element = event.currentTarget;
    const amount = wholeNumberOf(String(new FormData(element).get('amount') ?? ''));
    if (amount === undefined) {
      return refuse({
        field: 'amount',
        message: 'Please check the amount: it must be a whole number of gil, like 50 or -20.',
      });
    }
    clear();
    const result = await adjustGil({ userId: user.id, amount });
    if (result.data) {
      const change = `${amount > 0 ? '+' : '−'}${Math.abs(amount).toLocaleString('en')}`;
      setAdjusted(
        `${change} gil: ${user.username} now has ${result.data.adjustGil.gil.toLocaleString('en')} gil.`,
      );
      element.reset();
      onAdjusted();
    } else if (result.error) {
      refuseError(result.error, {
        INSUFFICIENT_GIL: `${user.username} does not have that much gil: a balance never goes below 0.`,
      });
    }
  };

  return (
    <section aria-labelledby="adjust-gil-heading" className="panel">
      <h2 id="adjust-gil-heading">Adjust gil</h2>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <label htmlFor={`${FORM}-amount`}>Amount (gil)</label>
        <input {...fieldProps(FORM, 'amount', problem, `${FORM}-amount-rule`)} autoComplete="off" />
        <p id={`${FORM}-amount-rule`} className="hint">
          Positive to add, negative to take away (e.g. -20).
        </p>
        <FieldError form={FORM} field="amount" problem={problem} />
        <FormError problem={problem} />
        <button type="submit" disabled={fetching}>
          {fetching ? 'Adjusting…' : 'Adjust gil'}
        </button>
      </form>
      <p className="success" role="status">
        {adjusted}
      </p>
    </section>
  );
}
