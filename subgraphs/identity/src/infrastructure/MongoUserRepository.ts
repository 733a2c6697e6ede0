import {
  Conflict,
  isDuplicateKeyError,
  type DocumentCollection,
  type DocumentStore,
  type Filter,
  type Role,
  type StoreSession,
} from '@play-economy/chassis';
import { balanceAfter, balanceBoundsFor } from '../domain/GilRules.ts';
import { User } from '../domain/User.ts';
import type { GilChange, UserPage, UserQuery, UserRepository } from '../domain/UserRepository.ts';
import { normalizeEmail, usernameKeyOf } from '../domain/UserRules.ts';

interface UserDocument {
  _id: string;
  username: string;
  /** Lower-cased username: its unique index makes usernames unique ignoring case. */
  usernameKey: string;
  /** Stored lower-cased, so its unique index is case-insensitive too. */
  email: string;
  roles: Role[];
  gil: number;
  passwordHash: string;
  createdAt: Date;
  [key: string]: unknown;
}

function toDocument(user: User): UserDocument {
  const { id, ...state } = user.toState();
  return { _id: id, usernameKey: user.usernameKey, ...state };
}

function toUser(document: UserDocument): User {
  return User.restore({
    id: document._id,
    username: document.username,
    email: document.email,
    roles: document.roles,
    gil: document.gil,
    passwordHash: document.passwordHash,
    createdAt: document.createdAt,
  });
}

/** Users in one MongoDB collection (or the embedded engine's equivalent). */
export class MongoUserRepository implements UserRepository {
  private readonly users: DocumentCollection<UserDocument>;

  private constructor(store: DocumentStore) {
    this.users = store.collection<UserDocument>('users');
  }

  static async create(store: DocumentStore): Promise<MongoUserRepository> {
    const repository = new MongoUserRepository(store);
    // Uniqueness is the indexes' job: a check before inserting would race.
    await repository.users.createIndex(
      { usernameKey: 1 },
      { name: 'users_by_username', unique: true },
    );
    await repository.users.createIndex({ email: 1 }, { name: 'users_by_email', unique: true });
    await repository.users.createIndex({ usernameKey: 1, _id: 1 }, { name: 'users_in_order' });
    return repository;
  }

  async findById(id: string, session?: StoreSession): Promise<User | null> {
    const document = await this.users.findOne({ _id: id }, session ? { session } : {});
    return document ? toUser(document) : null;
  }

  async findByUsername(username: string): Promise<User | null> {
    const document = await this.users.findOne({ usernameKey: usernameKeyOf(username) });
    return document ? toUser(document) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const document = await this.users.findOne({ email: normalizeEmail(email) });
    return document ? toUser(document) : null;
  }

  async findPage({ after, first }: UserQuery): Promise<UserPage> {
    const pageFilter: Filter = after
      ? {
          $or: [
            { usernameKey: { $gt: after.usernameKey } },
            { usernameKey: after.usernameKey, _id: { $gt: after.id } },
          ],
        }
      : {};
    // One extra document tells whether another page follows.
    const [documents, totalCount] = await Promise.all([
      this.users.find(pageFilter, { sort: { usernameKey: 1, _id: 1 }, limit: first + 1 }).toArray(),
      this.users.countDocuments({}),
    ]);
    return {
      users: documents.slice(0, first).map(toUser),
      hasNextPage: documents.length > first,
      totalCount,
    };
  }

  async insert(user: User, session: StoreSession): Promise<void> {
    try {
      await this.users.insertOne(toDocument(user), { session });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const keys = Object.keys((error as { keyPattern?: object }).keyPattern ?? {});
      if (keys.includes('email')) {
        throw new Conflict('email is already registered to another account', { field: 'email' });
      }
      if (keys.includes('usernameKey')) {
        throw new Conflict(`username ${user.username} is taken`, { field: 'username' });
      }
      throw error;
    }
  }

  async changeGil(id: string, delta: number, session: StoreSession): Promise<GilChange> {
    const { min, max } = balanceBoundsFor(delta);
    // One conditional update: two concurrent debits can never both pass a stale balance check.
    const updated = await this.users.findOneAndUpdate(
      { _id: id, gil: { $gte: min, $lte: max } },
      { $inc: { gil: delta } },
      { session, returnDocument: 'after' },
    );
    if (updated) return { ok: true, user: toUser(updated) };
    const current = await this.users.findOne({ _id: id }, { session });
    if (!current) return { ok: false, reason: 'UNKNOWN_USER' };
    const outcome = balanceAfter(current.gil, delta);
    if (outcome.ok) throw new Error(`gil of user ${id} changed while being updated`);
    return { ok: false, reason: outcome.reason, balance: current.gil };
  }

  async updatePasswordHash(
    id: string,
    expectedHash: string,
    newHash: string,
    session?: StoreSession,
  ): Promise<boolean> {
    const result = await this.users.updateOne(
      { _id: id, passwordHash: expectedHash },
      { $set: { passwordHash: newHash } },
      session ? { session } : {},
    );
    return result.matchedCount === 1;
  }
}
