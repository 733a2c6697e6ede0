import { requireSelfOrAdmin, type Viewer } from '@play-economy/chassis/domain';
import type { UserRepository } from '../domain/UserRepository.ts';
import { UserView } from '../domain/UserView.ts';

/** One user by id. */
export class GetUser {
  constructor(private readonly users: UserRepository) {}

  /**
   * For the `user` query: yourself, or anyone for an admin. Another player's id is FORBIDDEN
   * whether or not it exists, so the answer says nothing about other accounts; null when
   * there is no such user.
   */
  async execute(viewer: Viewer | null, id: string): Promise<UserView | null> {
    requireSelfOrAdmin(viewer, id);
    return this.reference(viewer, id);
  }

  /**
   * For entity references from other subgraphs (`Purchase.user`): anyone may be referenced;
   * the private fields still answer only to the user themself or an admin.
   */
  async reference(viewer: Viewer | null, id: string): Promise<UserView | null> {
    const user = await this.users.findById(id);
    return user ? UserView.of(user, viewer) : null;
  }
}
