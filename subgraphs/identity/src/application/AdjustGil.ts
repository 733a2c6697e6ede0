import { NotFound, requireAdmin, type UnitOfWork, type Viewer } from '@play-economy/chassis/domain';
import { gilChangeRefused, validAdjustment } from '../domain/GilRules.ts';
import type { UserRepository } from '../domain/UserRepository.ts';
import { UserView } from '../domain/UserView.ts';

/**
 * An admin adds or removes gil. The balance never goes below 0 (INSUFFICIENT_GIL, nothing
 * changes); the change is announced with `identity.gil.changed`. Admins only.
 */
export class AdjustGil {
  constructor(
    private readonly users: UserRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(viewer: Viewer | null, userId: string, amount: number): Promise<UserView> {
    const admin = requireAdmin(viewer);
    const delta = validAdjustment(amount);
    return this.unitOfWork.run(async (session, record) => {
      const change = await this.users.changeGil(userId, delta, session);
      if (!change.ok) {
        if (change.reason === 'UNKNOWN_USER') throw new NotFound('User', userId);
        throw gilChangeRefused(change.reason, change.balance, delta);
      }
      change.user.gilAdjusted(delta);
      record(...change.user.pullEvents());
      return UserView.of(change.user, admin);
    });
  }
}
