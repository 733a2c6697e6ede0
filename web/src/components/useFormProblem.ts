import type { CombinedError } from '@urql/core';
import { useRef, useState } from 'react';
import type { ErrorSentences } from '../api/describeError.ts';
import { formProblemOf, type FormProblem } from '../api/formProblem.ts';
import { focusField } from './FieldError.tsx';

/**
 * The problem a form with `fields` shows, next to a field or for the whole form, and the focus
 * that goes with it. `formRef` goes on the `<form>`; `refuse` shows a problem and moves the focus
 * to the field it names; `refuseError` does so for the API's refusal (a `BAD_USER_INPUT` naming
 * one of `fields` goes next to it, anything else under the form); `clear` hides it again.
 */
export function useFormProblem(fields: readonly string[]) {
  const [problem, setProblem] = useState<FormProblem>();
  const formRef = useRef<HTMLFormElement>(null);
  const refuse = (found: FormProblem) => {
    setProblem(found);
    focusField(formRef.current, found);
  };
  return {
    formRef,
    problem,
    refuse,
    refuseError: (error: CombinedError, sentences?: ErrorSentences) =>
      refuse(formProblemOf(error, fields, sentences)),
    clear: () => setProblem(undefined),
  };
}
