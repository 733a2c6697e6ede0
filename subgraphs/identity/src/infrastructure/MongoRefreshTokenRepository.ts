import type { DocumentCollection, DocumentStore, StoreSession } from '@play-economy/chassis';
import type { RefreshTokenFamily, RefreshTokenRecord } from '../domain/RefreshToken.ts';
import type { RefreshTokenRepository } from '../domain/RefreshTokenRepository.ts';

interface RefreshTokenDocument {
  /** SHA-256 of the token: the token itself is never stored. */
  _id: string;
  familyId: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  [key: string]: unknown;
}

interface FamilyDocument {
  _id: string;
  userId: string;
  createdAt: Date;
  revokedAt: Date | null;
  [key: string]: unknown;
}

function toRecord({ _id, ...rest }: RefreshTokenDocument): RefreshTokenRecord {
  return {
    hash: _id,
    familyId: rest.familyId,
    userId: rest.userId,
    createdAt: rest.createdAt,
    expiresAt: rest.expiresAt,
    usedAt: rest.usedAt,
  };
}

/**
 * Refresh tokens and their families in two collections. Revocation is a flag on the family,
 * checked on every use, so a token issued concurrently with a revocation is refused too.
 */
export class MongoRefreshTokenRepository implements RefreshTokenRepository {
  private readonly tokens: DocumentCollection<RefreshTokenDocument>;
  private readonly families: DocumentCollection<FamilyDocument>;

  private constructor(store: DocumentStore) {
    this.tokens = store.collection<RefreshTokenDocument>('refresh_tokens');
    this.families = store.collection<FamilyDocument>('refresh_token_families');
  }

  static async create(store: DocumentStore): Promise<MongoRefreshTokenRepository> {
    const repository = new MongoRefreshTokenRepository(store);
    await repository.tokens.createIndex({ familyId: 1 }, { name: 'tokens_by_family' });
    await repository.families.createIndex({ userId: 1 }, { name: 'families_by_user' });
    return repository;
  }

  async insertFamily(family: RefreshTokenFamily): Promise<void> {
    const { id, ...rest } = family;
    await this.families.insertOne({ _id: id, ...rest });
  }

  async insert(record: RefreshTokenRecord): Promise<void> {
    const { hash, ...rest } = record;
    await this.tokens.insertOne({ _id: hash, ...rest });
  }

  async consume(hash: string, now: Date): Promise<RefreshTokenRecord | null> {
    const before = await this.tokens.findOneAndUpdate(
      { _id: hash, usedAt: null, expiresAt: { $gt: now } },
      { $set: { usedAt: now } },
      { returnDocument: 'before' },
    );
    return before ? toRecord(before) : null;
  }

  async find(hash: string): Promise<RefreshTokenRecord | null> {
    const document = await this.tokens.findOne({ _id: hash });
    return document ? toRecord(document) : null;
  }

  async findFamily(id: string): Promise<RefreshTokenFamily | null> {
    const document = await this.families.findOne({ _id: id });
    if (!document) return null;
    const { _id, ...rest } = document;
    return { id: _id, userId: rest.userId, createdAt: rest.createdAt, revokedAt: rest.revokedAt };
  }

  async revokeFamily(id: string, now: Date): Promise<void> {
    await this.families.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: now } });
  }

  async revokeAllOfUser(userId: string, now: Date, session?: StoreSession): Promise<void> {
    await this.families.updateMany(
      { userId, revokedAt: null },
      { $set: { revokedAt: now } },
      session ? { session } : {},
    );
  }
}
