import { Conflict, Role } from '@play-economy/chassis/domain';
import type { UserRepository } from '../domain/UserRepository.ts';
import type { CreateUser, NewAccount } from './CreateUser.ts';

/** What seeding found: a new admin, the admin already there, or a non-admin holding the name. */
export type SeedAdminOutcome = 'created' | 'exists' | 'taken-by-non-admin';

/**
 * Makes sure the configured admin account exists. Idempotent, and safe for replicas starting
 * together; an existing account is left as it is (its password is never overwritten).
 */
export class SeedAdmin {
  constructor(
    private readonly users: UserRepository,
    private readonly createUser: CreateUser,
  ) {}

  async execute(admin: NewAccount): Promise<SeedAdminOutcome> {
    const existing = await this.users.findByUsername(admin.username);
    if (existing) return existing.hasRole(Role.Admin) ? 'exists' : 'taken-by-non-admin';
    try {
      await this.createUser.execute(admin, [Role.Admin]);
      return 'created';
    } catch (error) {
      // Another replica seeded it between the lookup and the insert.
      if (error instanceof Conflict && error.details['field'] === 'username') {
        const seeded = await this.users.findByUsername(admin.username);
        if (seeded?.hasRole(Role.Admin)) return 'exists';
      }
      throw error;
    }
  }
}
