import { isIPv4, isIPv6 } from 'node:net';

/**
 * How failed sign-ins are limited. Every attempt counts against three budgets before its
 * password is checked:
 *
 * - one account from one address (`perAccountAndAddress`): a few failures, then lockouts that
 *   grow with every further failure. Only that address is locked out of that account, so
 *   nobody can lock the owner out from elsewhere.
 * - one address, any accounts (`perAddress`): against one address spraying many accounts.
 * - one account, all addresses (`perAccount`): a generous budget against guessing spread over
 *   many addresses. It must exceed what one address may fail in two windows (its own limit
 *   twice, the windows not being aligned), so that a single address cannot use it up.
 *
 * A successful sign-in forgets the account's failures from that address and gives back what it
 * took from the other two budgets.
 */
export interface SignInLimits {
  /** Failures of one account from one address before lockouts begin. */
  perAccountAndAddress: number;
  /** Failures from one address, whatever the accounts, per window. */
  perAddress: number;
  /** Failures of one account, whatever the addresses, per window. */
  perAccount: number;
  /** The window `perAddress` and `perAccount` are counted over, in seconds. */
  windowSeconds: number;
  /** The first lockout; each further failure doubles it, up to `maxLockoutSeconds`. */
  firstLockoutSeconds: number;
  maxLockoutSeconds: number;
}

/**
 * How long consecutive failures of one account from one address (and its lockouts) are
 * remembered without a successful sign-in in between.
 */
export const CONSECUTIVE_FAILURE_MEMORY_SECONDS = 24 * 60 * 60;

/** The lockout after the `lockouts`-th exhaustion of an account-and-address budget (1-based). */
export function lockoutSeconds(
  lockouts: number,
  limits: Pick<SignInLimits, 'firstLockoutSeconds' | 'maxLockoutSeconds'>,
): number {
  const doublings = Math.min(Math.max(lockouts - 1, 0), 30);
  return Math.min(limits.firstLockoutSeconds * 2 ** doublings, limits.maxLockoutSeconds);
}

/** Whole seconds to tell a client to wait: at least one. */
export function retryAfterSecondsOf(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

/** Whether one address alone could use up an account's budget (see {@link SignInLimits}). */
export function oneAddressCanExhaustAccount(
  limits: Pick<SignInLimits, 'perAddress' | 'perAccount'>,
): boolean {
  return limits.perAccount <= 2 * limits.perAddress;
}

/** Longest identifier kept in a key: no username or email is longer. */
const IDENTIFIER_KEY_LENGTH = 256;

/** Throttle key of an account (an existing user) or of an identifier no account has. */
export function accountKey(userId: string | undefined, identifier: string): string {
  return userId === undefined
    ? `login:${identifier.slice(0, IDENTIFIER_KEY_LENGTH)}`
    : `user:${userId}`;
}

/**
 * Throttle key of a client address. An IPv4-mapped IPv6 address counts as its IPv4 address, and
 * an IPv6 address as its /64 network: one subscriber usually holds a whole /64.
 */
export function addressKey(clientIp: string): string {
  return `ip:${networkOf(clientIp)}`;
}

/** Throttle key of one account tried from one address (`unknown` when there is none). */
export function accountAddressKey(account: string, clientIp: string | undefined): string {
  return `${account}|${clientIp === undefined ? 'unknown' : addressKey(clientIp)}`;
}

function networkOf(clientIp: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(clientIp);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(clientIp)) return clientIp;
  const [head = '', tail = ''] = clientIp.toLowerCase().split('%')[0]!.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = clientIp.includes('::') && tail !== '' ? tail.split(':') : [];
  const groups = clientIp.includes('::')
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
