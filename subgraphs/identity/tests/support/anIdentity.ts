import {
  EmbeddedStore,
  Outbox,
  Role,
  UnitOfWork,
  type Message,
  type Viewer,
} from '@play-economy/chassis';
import { subscriberOf } from '@play-economy/chassis/domain';
import { throughContracts } from '@play-economy/chassis/testing';
import { DebitGilOnDebitGilRequested } from '../../src/application/DebitGilOnDebitGilRequested.ts';
import { RefundGilOnRefundGilRequested } from '../../src/application/RefundGilOnRefundGilRequested.ts';
import { createIdentity, type IdentitySettings } from '../../src/createIdentity.ts';
import type { AttemptLimiterFactory } from '../../src/domain/AttemptLimiter.ts';
import type { PasswordHasher } from '../../src/domain/PasswordHasher.ts';
import { FlexibleAttemptLimiter } from '../../src/infrastructure/FlexibleAttemptLimiter.ts';
import { ScryptPasswordHasher } from '../../src/infrastructure/ScryptPasswordHasher.ts';
import { aPlayer } from './aPlayer.ts';

/** Cheap scrypt parameters: the rules are the same, the tests are fast. */
export const FAST_HASHER = new ScryptPasswordHasher({ logN: 10, r: 8, p: 1 });

export const TEST_SETTINGS: IdentitySettings = {
  issuer: 'play-economy-identity',
  audience: 'play-economy',
  accessTokenTtlSeconds: 900,
  refreshTokenTtlDays: 30,
  startingGil: 100,
  signInLimits: {
    perAccountAndAddress: 5,
    perAddress: 20,
    perAccount: 100,
    windowSeconds: 15 * 60,
    firstLockoutSeconds: 60,
    maxLockoutSeconds: 60 * 60,
  },
  registrationLimit: { perAddress: 60, windowSeconds: 60 * 60 },
};

/**
 * Identity's use cases over an in-memory embedded store, as the server wires them, without
 * HTTP or a bus: what the outbox holds is what would be published.
 */
export async function anIdentity(
  options: {
    settings?: Partial<IdentitySettings>;
    hasher?: PasswordHasher;
    /** Share a store with another identity, as replicas do. */
    store?: EmbeddedStore;
    /** Share attempt budgets with another identity (see {@link sharedLimiters}). */
    limiters?: AttemptLimiterFactory;
  } = {},
) {
  const store = options.store ?? new EmbeddedStore({ database: 'identity-test' });
  const outbox = new Outbox(store);
  const unitOfWork = new UnitOfWork({ store, outbox });
  const identity = await createIdentity({
    store,
    unitOfWork,
    settings: { ...TEST_SETTINGS, ...options.settings },
    hasher: options.hasher ?? FAST_HASHER,
    ...(options.limiters ? { limiters: options.limiters } : {}),
  });
  await identity.useCases.rotateSigningKey.ensureActive();
  const { useCases } = identity;

  return {
    ...identity,
    // Subscribers as the bus runs them: each message parsed by its contract first.
    debitGil: throughContracts(subscriberOf(DebitGilOnDebitGilRequested, identity.debitGil)),
    refundGil: throughContracts(subscriberOf(RefundGilOnRefundGilRequested, identity.refundGil)),
    store,
    /** Messages recorded for publishing, oldest first. */
    async published(type?: string): Promise<Message[]> {
      const records = await outbox.collection
        .find(type ? { 'message.type': type } : {}, { sort: { sequence: 1 } })
        .toArray();
      return records.map((record) => record.message);
    },
    /** Registers a player and returns their session and viewer. */
    async player(fields = aPlayer().build()) {
      const session = await useCases.register.execute(fields);
      const viewer: Viewer = { userId: session.user.id, roles: [Role.Player] };
      return { session, viewer, fields };
    },
    /** Creates an admin account and returns its viewer. */
    async admin(): Promise<Viewer> {
      const fields = aPlayer().build();
      await useCases.seedAdmin.execute(fields);
      const admin = await useCases.login.execute(
        { usernameOrEmail: fields.username, password: fields.password },
        undefined,
      );
      return { userId: admin.user.id, roles: [...admin.user.roles] };
    },
  };
}

/**
 * In-memory attempt budgets that every identity given this factory shares, as replicas share
 * them through MongoDB: each limiter is made once, by name.
 */
export function sharedLimiters(): AttemptLimiterFactory {
  const made = new Map<string, Promise<FlexibleAttemptLimiter>>();
  const store = new EmbeddedStore({ database: 'identity-limits-test' });
  return (name, budget) => {
    let limiter = made.get(name);
    if (limiter === undefined) {
      limiter = FlexibleAttemptLimiter.create(store, name, budget);
      made.set(name, limiter);
    }
    return limiter;
  };
}

/** A hasher that counts the passwords it checks: each check is a full hash computation. */
export function countingHasher(hasher: PasswordHasher = FAST_HASHER) {
  const counts = { verified: 0, hashed: 0 };
  const counting: PasswordHasher = {
    hash: (password) => {
      counts.hashed++;
      return hasher.hash(password);
    },
    verify: (password, hash) => {
      counts.verified++;
      return hasher.verify(password, hash);
    },
    needsRehash: (hash) => hasher.needsRehash(hash),
  };
  return { hasher: counting, counts };
}

/** What a client would see of a failure: the code, message and details of a domain error. */
export interface Failure {
  code: string | undefined;
  message: string;
  [detail: string]: unknown;
}

/** The `extensions.code` (and fields) a rejected promise's domain error would carry. */
export async function failureOf(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    const { code, details, message } = error as {
      code?: string;
      details?: Record<string, unknown>;
      message: string;
    };
    return { code, message, ...details };
  }
  throw new Error('expected a failure, got a success');
}
