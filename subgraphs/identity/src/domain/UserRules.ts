import { InvalidInput } from '@play-economy/chassis/domain';

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 32;
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const USERNAME_PATTERN = /^[A-Za-z0-9_.-]+$/;
// Deliberately simple: one @, no white space, a dot in the domain. Deliverability is the mail
// server's business; this only stops obvious typos.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Trims surrounding white space; a username is 3 to 32 characters from `A-Z a-z 0-9 _ . -`. */
export function validUsername(username: string): string {
  const trimmed = username.trim();
  if (trimmed.length < USERNAME_MIN_LENGTH || trimmed.length > USERNAME_MAX_LENGTH) {
    throw new InvalidInput(
      'username',
      `username must be ${USERNAME_MIN_LENGTH} to ${USERNAME_MAX_LENGTH} characters`,
    );
  }
  if (!USERNAME_PATTERN.test(trimmed)) {
    throw new InvalidInput(
      'username',
      'username may contain only letters A-Z and a-z, digits, and the characters _ . -',
    );
  }
  return trimmed;
}

/** What makes two usernames the same: they are unique ignoring case. */
export function usernameKeyOf(username: string): string {
  return username.trim().toLowerCase();
}

/** Trims and lower-cases an email address, and checks that it looks like one. */
export function validEmail(email: string): string {
  const normalized = normalizeEmail(email);
  if (normalized.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(normalized)) {
    throw new InvalidInput('email', 'email must be a valid email address, e.g. name@example.com');
  }
  return normalized;
}

/** Emails are stored and compared lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A password is 10 to 200 characters (code points, so an emoji counts once). It is taken as
 * typed: no trimming, no composition rules, which push people towards predictable patterns.
 * `field` names the input in the error (e.g. `newPassword`).
 */
export function validPassword(password: string, field = 'password'): string {
  const length = password.length > 2 * PASSWORD_MAX_LENGTH ? password.length : [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw new InvalidInput(
      field,
      `${field} must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
    );
  }
  return password;
}

/** Whether a password could have been accepted at registration; longer ones are never hashed. */
export function isPlausiblePassword(password: string): boolean {
  // A code point is at most two UTF-16 units: a longer string needs no counting.
  return password.length <= 2 * PASSWORD_MAX_LENGTH && [...password].length <= PASSWORD_MAX_LENGTH;
}
