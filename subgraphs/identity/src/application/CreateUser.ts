import { type Role, type UnitOfWork } from '@play-economy/chassis/domain';
import { randomUUID } from 'node:crypto';
import type { PasswordHasher } from '../domain/PasswordHasher.ts';
import { User } from '../domain/User.ts';
import type { UserRepository } from '../domain/UserRepository.ts';
import { validEmail, validPassword, validUsername } from '../domain/UserRules.ts';

export interface NewAccount {
  username: string;
  email: string;
  password: string;
}

/**
 * Creates an account with the starting gil and announces it with `identity.user.created`.
 * A taken username or email is CONFLICT, decided by the store's unique indexes.
 */
export class CreateUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly unitOfWork: UnitOfWork,
    private readonly settings: { startingGil: number },
  ) {}

  async execute(account: NewAccount, roles: Role[]): Promise<User> {
    // Every rule is checked before the deliberately slow hashing.
    const username = validUsername(account.username);
    const email = validEmail(account.email);
    const password = validPassword(account.password);
    const passwordHash = await this.hasher.hash(password);
    const now = new Date();
    const user = User.register(
      { username, email, passwordHash, roles, startingGil: this.settings.startingGil },
      randomUUID(),
      now,
    );
    const events = user.pullEvents();
    await this.unitOfWork.run(async (session, record) => {
      await this.users.insert(user, session);
      record(...events);
    });
    return user;
  }
}
