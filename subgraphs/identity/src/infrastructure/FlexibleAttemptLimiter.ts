import { MongoStore, type DocumentStore } from '@play-economy/chassis';
import {
  RateLimiterMemory,
  RateLimiterMongo,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { AttemptBudget, AttemptLimiter, TakenAttempt } from '../domain/AttemptLimiter.ts';

/** The one collection every limiter keeps its counters in on MongoDB, each under its prefix. */
export const RATE_LIMITS_COLLECTION = 'rate_limits';

/**
 * A give-back this close to the end of its window is dropped: it could otherwise land in the
 * next window (clocks and round trips) and hand out an attempt there.
 */
const GIVE_BACK_MARGIN_MS = 1000;

/**
 * Attempt budgets on `rate-limiter-flexible`. In memory (`RateLimiterMemory`) with the embedded
 * store, where one process serves everything; in identity's MongoDB database
 * (`RateLimiterMongo`, one atomic `findOneAndUpdate` per attempt) otherwise, so every replica
 * counts against the same budgets.
 */
export class FlexibleAttemptLimiter implements AttemptLimiter {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  /** The limiter `name` with `budget`, kept where `store` says (see the class). */
  static async create(
    store: DocumentStore,
    name: string,
    budget: AttemptBudget,
  ): Promise<FlexibleAttemptLimiter> {
    const options = { keyPrefix: name, points: budget.points, duration: budget.durationSeconds };
    if (!(store instanceof MongoStore))
      return new FlexibleAttemptLimiter(new RateLimiterMemory(options));
    const limiter = new RateLimiterMongo({
      ...options,
      storeClient: store.client,
      dbName: store.db.databaseName,
      tableName: RATE_LIMITS_COLLECTION,
      // Created here and awaited, so a failure stops the start instead of being logged aside.
      disableIndexesCreation: true,
    });
    await limiter.createIndexes();
    return new FlexibleAttemptLimiter(limiter);
  }

  async take(key: string): Promise<TakenAttempt> {
    let taken: RateLimiterRes;
    try {
      taken = await this.limiter.consume(key);
    } catch (rejection) {
      // The library rejects with a RateLimiterRes when the budget is used up, with an Error
      // when the store failed: that one must not pass for a refusal (nor for a success).
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterMs: Math.max(rejection.msBeforeNext, 0) };
      }
      throw rejection;
    }
    const windowEndsAt =
      taken.msBeforeNext >= 0 ? Date.now() + taken.msBeforeNext : Number.POSITIVE_INFINITY;
    return {
      allowed: true,
      used: taken.consumedPoints,
      giveBack: () => this.#giveBack(key, windowEndsAt),
    };
  }

  async used(key: string): Promise<number> {
    const current = await this.limiter.get(key);
    return current ? Math.max(current.consumedPoints, 0) : 0;
  }

  async block(key: string, seconds: number): Promise<void> {
    await this.limiter.block(key, seconds);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }

  async #giveBack(key: string, windowEndsAt: number): Promise<void> {
    if (Date.now() >= windowEndsAt - GIVE_BACK_MARGIN_MS) return;
    const after = await this.limiter.reward(key);
    // The window ended meanwhile and the reward started a new one below zero: take it back.
    if (after.consumedPoints < 0) await this.limiter.penalty(key, -after.consumedPoints);
  }
}
