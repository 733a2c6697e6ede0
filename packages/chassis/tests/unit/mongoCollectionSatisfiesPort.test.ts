import { MongoClient } from 'mongodb';
import type { Collection } from 'mongodb';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { Document, DocumentCollection } from '../../src/store/DocumentStore.ts';

interface Wallet extends Document {
  owner: string;
  balance: number;
  tags?: string[];
  history: { at: Date; delta: number }[];
  profile: { nickname: string | null };
}

const portMethods = [
  'find',
  'findOne',
  'countDocuments',
  'insertOne',
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'deleteOne',
  'deleteMany',
  'createIndex',
] as const satisfies readonly (keyof DocumentCollection<Document>)[];

// Constructing a client does not connect, so this runs without a server.
const client = new MongoClient('mongodb://127.0.0.1:9/never-connected');

describe("the mongodb driver's Collection", () => {
  afterAll(() => client.close());

  it('is assignable to the DocumentCollection port as-is (checked by tsc)', () => {
    // These typed assignments are the real check: `npx tsc --noEmit` fails if the driver drifts.
    const wallets: DocumentCollection<Wallet> = client.db('check').collection<Wallet>('wallets');
    const anything: DocumentCollection<Document> = client
      .db('check')
      .collection<Document>('anything');
    expectTypeOf<Collection<Wallet>>().toExtend<DocumentCollection<Wallet>>();
    expectTypeOf<Collection<{ _id: number }>>().not.toExtend<DocumentCollection<Wallet>>();

    expect(wallets.collectionName).toBe('wallets');
    expect(anything.collectionName).toBe('anything');
  });

  it('has every method of the port', () => {
    const wallets = client.db('check').collection<Wallet>('wallets');
    for (const method of portMethods) expect(wallets[method], method).toBeTypeOf('function');
  });
});
