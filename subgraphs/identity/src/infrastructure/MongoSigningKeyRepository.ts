import {
  isDuplicateKeyError,
  type DocumentCollection,
  type DocumentStore,
} from '@play-economy/chassis';
import type { Jwk, SigningKey } from '../domain/SigningKey.ts';
import type { SigningKeyRepository } from '../domain/SigningKeyRepository.ts';

interface SigningKeyDocument {
  /** The kid. */
  _id: string;
  kid: string;
  generation: number;
  privateJwk: Jwk;
  publicJwk: Jwk;
  createdAt: Date;
  retiredAt: Date | null;
  [key: string]: unknown;
}

function toKey(document: SigningKeyDocument): SigningKey {
  return {
    kid: document.kid,
    generation: document.generation,
    privateJwk: document.privateJwk,
    publicJwk: document.publicJwk,
    createdAt: document.createdAt,
    retiredAt: document.retiredAt,
  };
}

/** Signing keys in the `signing_keys` collection, shared by every identity replica. */
export class MongoSigningKeyRepository implements SigningKeyRepository {
  private readonly keys: DocumentCollection<SigningKeyDocument>;

  private constructor(store: DocumentStore) {
    this.keys = store.collection<SigningKeyDocument>('signing_keys');
  }

  static async create(store: DocumentStore): Promise<MongoSigningKeyRepository> {
    const repository = new MongoSigningKeyRepository(store);
    // One key per generation: of two replicas rotating at once, one insert fails and the
    // other's key is used by both.
    await repository.keys.createIndex(
      { generation: 1 },
      { name: 'keys_by_generation', unique: true },
    );
    return repository;
  }

  async all(): Promise<SigningKey[]> {
    const documents = await this.keys.find({}, { sort: { generation: 1 } }).toArray();
    return documents.map(toKey);
  }

  async insert(key: SigningKey): Promise<boolean> {
    try {
      await this.keys.insertOne({ _id: key.kid, ...key });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async retireBefore(generation: number, now: Date): Promise<void> {
    await this.keys.updateMany(
      { generation: { $lt: generation }, retiredAt: null },
      { $set: { retiredAt: now } },
    );
  }

  async deleteRetiredBefore(before: Date): Promise<number> {
    const result = await this.keys.deleteMany({ retiredAt: { $ne: null, $lt: before } });
    return result.deletedCount;
  }
}
