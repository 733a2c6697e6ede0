import { Role } from '@play-economy/chassis';
import type { CreateUser, NewAccount } from './CreateUser.ts';
import type { IssueSession, Session } from './IssueSession.ts';

/** Creates a player account and signs it in. */
export class Register {
  constructor(
    private readonly createUser: CreateUser,
    private readonly issueSession: IssueSession,
  ) {}

  async execute(account: NewAccount): Promise<Session> {
    const user = await this.createUser.execute(account, [Role.Player]);
    return this.issueSession.start(user);
  }
}
