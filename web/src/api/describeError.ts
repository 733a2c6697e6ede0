import type { CombinedError } from '@urql/core';

/** Sentences that replace the generic one for a code, where a form knows better. */
export type ErrorSentences = Partial<Record<string, string>>;

/** Input field names as the forms label them. */
const FIELD_LABELS: Record<string, string> = {
  username: 'username',
  usernameOrEmail: 'username or email',
  email: 'email',
  password: 'password',
  quantity: 'quantity',
  search: 'search',
  first: 'page size',
  after: 'page',
  name: 'name',
  description: 'description',
  price: 'price',
  amount: 'amount',
  userId: 'player',
  itemId: 'item',
};

/** What `NOT_FOUND` means, by the `extensions.entity` the API names. */
const MISSING: Record<string, string> = {
  Item: 'That item is no longer in the store.',
  User: 'That player does not exist (any more).',
  Purchase: 'That purchase does not exist.',
};

/**
 * The API's error as a sentence a player understands, by its `extensions.code`; `sentences`
 * overrides the generic sentence of a code where the form knows what it means (a wrong password
 * is `UNAUTHENTICATED` too).
 */
export function describeError(error: CombinedError, sentences: ErrorSentences = {}): string {
  const [first] = error.graphQLErrors;
  if (!first) {
    return 'The store cannot be reached right now. Check your connection and try again.';
  }
  const code = typeof first.extensions['code'] === 'string' ? first.extensions['code'] : '';
  const specific = sentences[code];
  if (specific) return specific;
  switch (code) {
    case 'INSUFFICIENT_GIL':
      return 'You do not have enough gil for this.';
    case 'RATE_LIMITED': {
      const seconds = Number(first.extensions['retryAfterSeconds']);
      return Number.isFinite(seconds) && seconds > 0
        ? `That was a lot of requests at once. Please wait ${waitOf(seconds)} and try again.`
        : 'That was a lot of requests at once. Please wait a moment and try again.';
    }
    case 'UNAUTHENTICATED':
      return 'Please sign in to do that.';
    case 'FORBIDDEN':
      return 'Your account is not allowed to do that.';
    case 'BAD_USER_INPUT':
      return badInputSentence(first.message, first.extensions['field']);
    case 'NOT_FOUND': {
      const entity = first.extensions['entity'];
      return (typeof entity === 'string' && MISSING[entity]) || MISSING['Item']!;
    }
    case 'CONFLICT':
      return 'This changed while you were doing it. Please try again.';
    case 'SERVICE_UNAVAILABLE':
      return 'Part of the store is unavailable right now. Please try again in a moment.';
    case 'PERSISTED_QUERY_NOT_FOUND':
    case 'PERSISTED_QUERY_NOT_IN_LIST':
      return 'This page is out of date. Please reload it.';
    case 'COST_ESTIMATED_TOO_EXPENSIVE':
      return 'That asks for too much at once. Please ask for fewer items.';
    default:
      return 'Something went wrong on our side. Please try again.';
  }
}

/**
 * The input field a `BAD_USER_INPUT` error names (`extensions.field`), so a form can show the
 * sentence next to that field; undefined for any other error.
 */
export function fieldOf(error: CombinedError): string | undefined {
  const [first] = error.graphQLErrors;
  if (first?.extensions['code'] !== 'BAD_USER_INPUT') return undefined;
  const field = first.extensions['field'];
  return typeof field === 'string' ? field : undefined;
}

/** `email must be a valid email address` → `Please check the email: it must be …`. */
function badInputSentence(message: string, field: unknown): string {
  if (typeof field !== 'string') return `Please check what you entered: ${message}.`;
  const label = FIELD_LABELS[field] ?? field;
  const rest = message.startsWith(`${field} `) ? `it ${message.slice(field.length + 1)}` : message;
  return `Please check the ${label}: ${rest.replace(/\.$/, '')}.`;
}

function waitOf(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} second${Math.ceil(seconds) === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
