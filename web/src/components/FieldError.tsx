import type { FormProblem } from '../api/formProblem.ts';

/** The id of the message shown next to a field; its input names it in `aria-describedby`. */
export const fieldErrorId = (form: string, field: string) => `${form}-${field}-error`;

/**
 * The attributes that tie an input to its hint and to the problem shown next to it, so a screen
 * reader reads both and marks the field invalid.
 */
export function fieldProps(
  form: string,
  field: string,
  problem: FormProblem | undefined,
  hintId?: string,
) {
  const invalid = problem?.field === field;
  const describedBy = [hintId, invalid ? fieldErrorId(form, field) : undefined]
    .filter(Boolean)
    .join(' ');
  return {
    id: `${form}-${field}`,
    name: field,
    'aria-invalid': invalid || undefined,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  };
}

/** The problem of one field, right below it; nothing when the problem is another field's. */
export function FieldError({
  form,
  field,
  problem,
}: {
  form: string;
  field: string;
  problem: FormProblem | undefined;
}) {
  if (problem?.field !== field) return null;
  return (
    <p id={fieldErrorId(form, field)} className="error field-error" role="alert">
      {problem.message}
    </p>
  );
}

/** A problem that belongs to no one field (NOT_FOUND, FORBIDDEN, the network, ...). */
export function FormError({ problem }: { problem: FormProblem | undefined }) {
  if (!problem || problem.field !== undefined) return null;
  return (
    <p className="error" role="alert">
      {problem.message}
    </p>
  );
}

/** Moves the focus to the field a problem names, so the player lands where the fix is. */
export function focusField(form: HTMLFormElement | null, problem: FormProblem): void {
  if (!problem.field) return;
  const input = form?.elements.namedItem(problem.field);
  if (input instanceof HTMLElement) input.focus();
}
