import {
  Forbidden,
  isSelfOrAdmin,
  Unauthenticated,
  type Role,
  type Viewer,
} from '@play-economy/chassis/domain';
import type { User } from './User.ts';

/**
 * A user as one caller sees them. Public fields read straight through; the private ones
 * (`email`, `gil`) throw for anyone but the user themself or an admin, so a query asking only
 * for public fields of someone else still succeeds.
 */
export class UserView {
  private constructor(
    readonly user: User,
    private readonly viewer: Viewer | null,
  ) {}

  /** The user as `viewer` sees them (null: an anonymous caller). */
  static of(user: User, viewer: Viewer | null): UserView {
    return new UserView(user, viewer);
  }

  /** The user as they see themself, e.g. right after proving who they are by signing in. */
  static self(user: User): UserView {
    return new UserView(user, { userId: user.id, roles: user.roles });
  }

  get id(): string {
    return this.user.id;
  }
  get username(): string {
    return this.user.username;
  }
  get roles(): Role[] {
    return [...this.user.roles];
  }
  get createdAt(): Date {
    return this.user.createdAt;
  }
  get email(): string {
    this.#assertPrivateReadable('email');
    return this.user.email;
  }
  get gil(): number {
    this.#assertPrivateReadable('gil');
    return this.user.gil;
  }

  #assertPrivateReadable(field: string): void {
    if (this.viewer === null) {
      throw new Unauthenticated(`Sign in to read a user's ${field}`, { field });
    }
    if (!isSelfOrAdmin(this.viewer, this.user.id)) {
      throw new Forbidden(`Only the user themself or an admin may read ${field}`, { field });
    }
  }
}
