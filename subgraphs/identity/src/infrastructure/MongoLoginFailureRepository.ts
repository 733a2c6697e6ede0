import {
  isDuplicateKeyError,
  type DocumentCollection,
  type DocumentStore,
} from '@play-economy/chassis';
import type { LoginFailureRepository } from '../domain/LoginFailureRepository.ts';

interface LoginFailureDocument {
  /** The throttle key: `user:<id>`, `login:<identifier>` or `ip:<address>`. */
  _id: string;
  /** The most recent failures, oldest first. */
  failures: Date[];
  /** After this, every failure is outside the window and the document can go. */
  expiresAt: Date;
  [key: string]: unknown;
}

/** Failed sign-ins in the store, so every replica counts the same failures. */
export class MongoLoginFailureRepository implements LoginFailureRepository {
  private readonly failures: DocumentCollection<LoginFailureDocument>;

  private constructor(store: DocumentStore) {
    this.failures = store.collection<LoginFailureDocument>('login_failures');
  }

  static async create(store: DocumentStore): Promise<MongoLoginFailureRepository> {
    const repository = new MongoLoginFailureRepository(store);
    await repository.failures.createIndex({ expiresAt: 1 }, { name: 'failures_by_expiry' });
    return repository;
  }

  async recentFailures(key: string): Promise<Date[]> {
    const document = await this.failures.findOne({ _id: key });
    return document ? document.failures : [];
  }

  async recordFailure(key: string, at: Date, keep: number, expiresAt: Date): Promise<void> {
    const update = {
      // Atomic append-and-trim: concurrent failures are all counted, and the list stays short.
      $push: { failures: { $each: [at], $slice: -keep } },
      $max: { expiresAt },
    };
    try {
      await this.failures.updateOne({ _id: key }, update, { upsert: true });
    } catch (error) {
      // Two first failures racing to create the document: the loser updates the winner's.
      if (!isDuplicateKeyError(error)) throw error;
      await this.failures.updateOne({ _id: key }, update, { upsert: true });
    }
  }

  async clear(key: string): Promise<void> {
    await this.failures.deleteOne({ _id: key });
  }

  /** Deletes the records whose failures have all left the window. */
  async purgeExpired(now: Date): Promise<number> {
    const result = await this.failures.deleteMany({ expiresAt: { $lte: now } });
    return result.deletedCount;
  }
}
