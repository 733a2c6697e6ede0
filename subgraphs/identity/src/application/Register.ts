import { RateLimited, Role } from '@play-economy/chassis/domain';
import type { AttemptLimiter } from '../domain/AttemptLimiter.ts';
import { addressKey, retryAfterSecondsOf } from '../domain/SignInLimits.ts';
import type { CreateUser, NewAccount } from './CreateUser.ts';
import type { IssueSession, Session } from './IssueSession.ts';

/**
 * Creates a player account and signs it in. Each registration costs a deliberately slow
 * password hash, so registrations are limited per client address (RATE_LIMITED with
 * `retryAfterSeconds`); every attempt counts, whatever its outcome. Without an address (an
 * in-process call, not a client's request) nothing is counted.
 */
export class Register {
  constructor(
    private readonly createUser: CreateUser,
    private readonly issueSession: IssueSession,
    private readonly perAddress: AttemptLimiter,
  ) {}

  async execute(account: NewAccount, clientIp?: string): Promise<Session> {
    if (clientIp !== undefined) {
      const attempt = await this.perAddress.take(addressKey(clientIp));
      if (!attempt.allowed) {
        const retryAfterSeconds = retryAfterSecondsOf(attempt.retryAfterMs);
        throw new RateLimited(
          `Too many registrations from this address; try again in ${retryAfterSeconds} seconds`,
          { retryAfterSeconds },
        );
      }
    }
    const user = await this.createUser.execute(account, [Role.Player]);
    return this.issueSession.start(user);
  }
}
