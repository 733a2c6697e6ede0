import type { Viewer } from '@play-economy/chassis/domain';
import type { UserRepository } from '../domain/UserRepository.ts';
import { UserView } from '../domain/UserView.ts';

/** The signed-in user; null for an anonymous caller (or an account that no longer exists). */
export class GetViewer {
  constructor(private readonly users: UserRepository) {}

  async execute(viewer: Viewer | null): Promise<UserView | null> {
    if (viewer === null) return null;
    const user = await this.users.findById(viewer.userId);
    return user ? UserView.of(user, viewer) : null;
  }
}
