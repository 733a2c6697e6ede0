import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeError, fieldOf } from '../../src/api/describeError.ts';

const refused = (code: string, message = 'refused', extensions: Record<string, unknown> = {}) =>
  new CombinedError({
    graphQLErrors: [new GraphQLError(message, { extensions: { code, ...extensions } })],
  });

describe('describeError', () => {
  it.each([
    ['INSUFFICIENT_GIL', 'You do not have enough gil for this.'],
    ['UNAUTHENTICATED', 'Please sign in to do that.'],
    ['FORBIDDEN', 'Your account is not allowed to do that.'],
    ['NOT_FOUND', 'That item is no longer in the store.'],
    ['CONFLICT', 'This changed while you were doing it. Please try again.'],
    [
      'SERVICE_UNAVAILABLE',
      'Part of the store is unavailable right now. Please try again in a moment.',
    ],
    ['PERSISTED_QUERY_NOT_IN_LIST', 'This page is out of date. Please reload it.'],
    ['INTERNAL_SERVER_ERROR', 'Something went wrong on our side. Please try again.'],
    ['SOMETHING_NEW', 'Something went wrong on our side. Please try again.'],
  ])('says %s in words', (code, sentence) => {
    expect(describeError(refused(code))).toBe(sentence);
  });

  it('tells how long to wait when rate limited', () => {
    expect(describeError(refused('RATE_LIMITED', 'slow down', { retryAfterSeconds: 1 }))).toBe(
      'That was a lot of requests at once. Please wait 1 second and try again.',
    );
    expect(describeError(refused('RATE_LIMITED', 'slow down', { retryAfterSeconds: 240 }))).toBe(
      'That was a lot of requests at once. Please wait 4 minutes and try again.',
    );
  });

  it('names the input to fix', () => {
    const error = refused('BAD_USER_INPUT', 'email must be a valid email address', {
      field: 'email',
    });
    expect(describeError(error)).toBe('Please check the email: it must be a valid email address.');
  });

  it('lets a form say what a code means there', () => {
    expect(
      describeError(refused('UNAUTHENTICATED'), {
        UNAUTHENTICATED: 'That username or password is not right.',
      }),
    ).toBe('That username or password is not right.');
  });

  it('says the store cannot be reached when no answer came', () => {
    expect(describeError(new CombinedError({ networkError: new Error('Failed to fetch') }))).toBe(
      'The store cannot be reached right now. Check your connection and try again.',
    );
  });

  it('says which thing is missing when NOT_FOUND names it', () => {
    expect(describeError(refused('NOT_FOUND', 'User u9 does not exist', { entity: 'User' }))).toBe(
      'That player does not exist (any more).',
    );
    expect(describeError(refused('NOT_FOUND', 'Item i9 does not exist', { entity: 'Item' }))).toBe(
      'That item is no longer in the store.',
    );
  });

  it("names the admin forms' fields as they are labelled", () => {
    const error = refused(
      'BAD_USER_INPUT',
      'price must be a whole number of gil from 1 to 1,000,000',
      {
        field: 'price',
      },
    );
    expect(describeError(error)).toBe(
      'Please check the price: it must be a whole number of gil from 1 to 1,000,000.',
    );
    expect(fieldOf(error)).toBe('price');
    expect(fieldOf(refused('NOT_FOUND', 'gone', { field: 'price' }))).toBeUndefined();
  });
});
