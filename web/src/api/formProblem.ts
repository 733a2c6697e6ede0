import type { CombinedError } from '@urql/core';
import { describeError, fieldOf, type ErrorSentences } from './describeError.ts';

/** What a form shows after a refusal: the sentence, and the field it belongs next to, if any. */
export interface FormProblem {
  /** The form's field the API named (`extensions.field` of `BAD_USER_INPUT`). */
  field?: string;
  message: string;
}

/**
 * The API's refusal for a form with `fields`: a `BAD_USER_INPUT` naming one of them is shown next
 * to it; anything else (`NOT_FOUND`, `FORBIDDEN`, ...) as a sentence for the whole form.
 */
export function formProblemOf(
  error: CombinedError,
  fields: readonly string[],
  sentences: ErrorSentences = {},
): FormProblem {
  const message = describeError(error, sentences);
  const field = fieldOf(error);
  return field !== undefined && fields.includes(field) ? { field, message } : { message };
}

/** A whole number typed into a field, or undefined when the text is not one. */
export function wholeNumberOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[-+]?\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : undefined;
}
