import {
  isDuplicateKeyError,
  type DocumentCollection,
  type DocumentStore,
  type Filter,
  type Message,
  type StoreSession,
} from '@play-economy/chassis';
import { Purchase, type PurchaseData, type PurchaseState } from '../domain/Purchase.ts';
import {
  DuplicateIdempotencyKey,
  type PurchasePageQuery,
  type PurchaseRepository,
} from '../domain/PurchaseRepository.ts';

interface PurchaseDocument {
  _id: string;
  userId: string;
  itemId: string;
  quantity: number;
  unitPrice: number;
  total: number;
  idempotencyKey: string;
  state: PurchaseState;
  failureReason: string | null;
  compensating: boolean;
  compensationReason: string | null;
  pendingCommand: Message | null;
  attempts: number;
  lastSentAt: Date | null;
  grantUnconfirmed: boolean;
  /** Absent from purchases stored before refunds existed. */
  debitUnconfirmed?: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  [key: string]: unknown;
}

function toDocument(purchase: Purchase): PurchaseDocument {
  const { id, ...data } = purchase.toData();
  return { _id: id, ...data };
}

function toPurchase({ _id, ...rest }: PurchaseDocument): Purchase {
  const data: PurchaseData = {
    id: _id,
    userId: rest.userId,
    itemId: rest.itemId,
    quantity: rest.quantity,
    unitPrice: rest.unitPrice,
    total: rest.total,
    idempotencyKey: rest.idempotencyKey,
    state: rest.state,
    failureReason: rest.failureReason,
    compensating: rest.compensating,
    compensationReason: rest.compensationReason,
    pendingCommand: rest.pendingCommand,
    attempts: rest.attempts,
    lastSentAt: rest.lastSentAt,
    grantUnconfirmed: rest.grantUnconfirmed,
    debitUnconfirmed: rest.debitUnconfirmed ?? false,
    version: rest.version,
    createdAt: rest.createdAt,
    updatedAt: rest.updatedAt,
  };
  return Purchase.restore(data);
}

const UNSETTLED: PurchaseState[] = ['ACCEPTED', 'ITEMS_GRANTED'];

/** Purchases in one MongoDB collection (or the embedded engine's equivalent). */
export class MongoPurchaseRepository implements PurchaseRepository {
  private readonly purchases: DocumentCollection<PurchaseDocument>;

  private constructor(store: DocumentStore) {
    this.purchases = store.collection<PurchaseDocument>('purchases');
  }

  static async create(store: DocumentStore): Promise<MongoPurchaseRepository> {
    const repository = new MongoPurchaseRepository(store);
    // Idempotency is the index's job: a lookup before inserting would race.
    await repository.purchases.createIndex(
      { userId: 1, idempotencyKey: 1 },
      { name: 'purchases_by_idempotency_key', unique: true },
    );
    await repository.purchases.createIndex(
      { userId: 1, createdAt: -1, _id: -1 },
      { name: 'purchases_by_user' },
    );
    await repository.purchases.createIndex(
      { state: 1, lastSentAt: 1 },
      { name: 'purchases_awaiting_reply' },
    );
    return repository;
  }

  async findById(id: string, session?: StoreSession): Promise<Purchase | null> {
    const document = await this.purchases.findOne({ _id: id }, session ? { session } : {});
    return document ? toPurchase(document) : null;
  }

  async findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<Purchase | null> {
    const document = await this.purchases.findOne({ userId, idempotencyKey });
    return document ? toPurchase(document) : null;
  }

  async listByUser(userId: string, { first, after }: PurchasePageQuery): Promise<Purchase[]> {
    // MongoDB reads a limit of 0 as no limit at all.
    if (first < 1) return [];
    // Keyset paging on the `purchases_by_user` index: a purchase accepted meanwhile lands on
    // the first page and never shifts a later one.
    const filter: Filter = after
      ? {
          userId,
          $or: [
            { createdAt: { $lt: after.createdAt } },
            { createdAt: after.createdAt, _id: { $lt: after.id } },
          ],
        }
      : { userId };
    const documents = await this.purchases
      .find(filter, { sort: { createdAt: -1, _id: -1 }, limit: first })
      .toArray();
    return documents.map(toPurchase);
  }

  async insert(purchase: Purchase, session: StoreSession): Promise<void> {
    try {
      await this.purchases.insertOne(toDocument(purchase), { session });
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new DuplicateIdempotencyKey(purchase.userId, purchase.idempotencyKey);
      }
      throw error;
    }
  }

  async save(purchase: Purchase, expectedVersion: number, session: StoreSession): Promise<boolean> {
    const { _id, ...fields } = toDocument(purchase);
    const result = await this.purchases.updateOne(
      { _id, version: expectedVersion },
      { $set: fields },
      { session },
    );
    return result.matchedCount === 1;
  }

  async findStalled(sentBefore: Date, limit: number): Promise<Purchase[]> {
    const documents = await this.purchases
      .find(
        { state: { $in: UNSETTLED }, lastSentAt: { $lte: sentBefore } },
        { sort: { lastSentAt: 1 }, limit },
      )
      .toArray();
    return documents.map(toPurchase);
  }
}
