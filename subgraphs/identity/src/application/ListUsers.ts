import { pageSize, requireAdmin, type Viewer } from '@play-economy/chassis/domain';
import type { UserQuery, UserRepository } from '../domain/UserRepository.ts';
import { UserView } from '../domain/UserView.ts';

export const MAX_PAGE_SIZE = 100;

/** A page of users as one caller sees them. */
export interface UserViewPage {
  users: UserView[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Every user, in username order (ignoring case). Admins only. */
export class ListUsers {
  constructor(private readonly users: UserRepository) {}

  async execute(viewer: Viewer | null, { first, after }: UserQuery): Promise<UserViewPage> {
    const admin = requireAdmin(viewer);
    const page = await this.users.findPage({ first: pageSize(first, MAX_PAGE_SIZE), after });
    return {
      users: page.users.map((user) => UserView.of(user, admin)),
      hasNextPage: page.hasNextPage,
      totalCount: page.totalCount,
    };
  }
}
