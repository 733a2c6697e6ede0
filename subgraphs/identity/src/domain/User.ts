import type { DomainEvent, Role } from '@play-economy/chassis/domain';
import {
  GilChanged,
  GilDebited,
  GilRefunded,
  UserCreated,
  UserSessionsRevoked,
} from './IdentityEvents.ts';
import { validStartingGil } from './GilRules.ts';
import { usernameKeyOf, validEmail, validUsername } from './UserRules.ts';

/** A user's persisted state. */
export interface UserState {
  id: string;
  username: string;
  /** Lower-cased email. */
  email: string;
  roles: Role[];
  gil: number;
  /** Self-describing password hash (see `PasswordHasher`). */
  passwordHash: string;
  createdAt: Date;
}

export interface NewUser {
  username: string;
  email: string;
  /** The hash of a password that passed `validPassword`. */
  passwordHash: string;
  roles: Role[];
  startingGil: number;
}

/**
 * Someone with an account, and the events of what happens to it: registration is validated here
 * and recorded as `identity.user.created`, a new password or signing out everywhere ends every
 * session (`identity.user.sessions_revoked`). Gil is changed only by atomic conditional updates
 * in the store (see `UserRepository.changeGil`), never by loading and saving a balance: the
 * user the store returns after a change records what the change was.
 */
export class User {
  readonly #events: DomainEvent[] = [];

  private constructor(private state: UserState) {}

  static register(fields: NewUser, id: string, now: Date): User {
    if (fields.roles.length === 0) throw new RangeError('a user needs at least one role');
    const user = new User({
      id,
      username: validUsername(fields.username),
      email: validEmail(fields.email),
      roles: [...new Set(fields.roles)],
      gil: validStartingGil(fields.startingGil),
      passwordHash: fields.passwordHash,
      createdAt: now,
    });
    user.#events.push(UserCreated.of({ userId: id, username: user.username }));
    return user;
  }

  /** Rebuilds a user from storage; records no event. */
  static restore(state: UserState): User {
    return new User({ ...state, roles: [...state.roles] });
  }

  get id(): string {
    return this.state.id;
  }
  get username(): string {
    return this.state.username;
  }
  /** The username as compared for uniqueness: lower-cased. */
  get usernameKey(): string {
    return usernameKeyOf(this.state.username);
  }
  get email(): string {
    return this.state.email;
  }
  get roles(): readonly Role[] {
    return this.state.roles;
  }
  get gil(): number {
    return this.state.gil;
  }
  get passwordHash(): string {
    return this.state.passwordHash;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }

  hasRole(role: Role): boolean {
    return this.state.roles.includes(role);
  }

  /**
   * Replaces the password hash (of a password that passed `validPassword`). A new password
   * ends every session: records `identity.user.sessions_revoked` (`PASSWORD_CHANGED`).
   */
  changePassword(passwordHash: string): void {
    this.state = { ...this.state, passwordHash };
    this.#events.push(UserSessionsRevoked.of({ userId: this.id, reason: 'PASSWORD_CHANGED' }));
  }

  /** Ends every session of the user: records `identity.user.sessions_revoked`. */
  signOutEverywhere(): void {
    this.#events.push(UserSessionsRevoked.of({ userId: this.id, reason: 'SIGNED_OUT_EVERYWHERE' }));
  }

  /**
   * An admin's adjustment by `delta`, which the store applied: this user is the one after it.
   * Records `identity.gil.changed`.
   */
  gilAdjusted(delta: number): void {
    this.#events.push(GilChanged.of({ userId: this.id, balance: this.gil, delta }));
  }

  /**
   * A purchase's debit of `amount`, which the store applied: this user is the one after it.
   * Records the saga's reply `identity.gil.debited`, then `identity.gil.changed`.
   */
  gilDebited(purchaseId: string, amount: number): void {
    const { id: userId, gil: balance } = this.state;
    this.#events.push(
      GilDebited.of({ purchaseId, userId, amount, balance }),
      GilChanged.of({ userId, balance, delta: -amount }),
    );
  }

  /**
   * A purchase's refund of `amount`, which the store applied: this user is the one after it.
   * Records `identity.gil.refunded`, then `identity.gil.changed`.
   */
  gilRefunded(purchaseId: string, amount: number): void {
    const { id: userId, gil: balance } = this.state;
    this.#events.push(
      GilRefunded.of({ purchaseId, userId, amount, balance }),
      GilChanged.of({ userId, balance, delta: amount }),
    );
  }

  toState(): UserState {
    return { ...this.state, roles: [...this.state.roles] };
  }

  /** The events recorded since the user was registered or restored, oldest first. */
  pullEvents(): DomainEvent[] {
    return this.#events.splice(0);
  }
}
