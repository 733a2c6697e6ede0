import type { Collection } from 'mongodb';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Document, DocumentCollection } from '../../src/store/DocumentStore.ts';

interface Wallet extends Document {
  owner: string;
  balance: number;
  tags?: string[];
  history: { at: Date; delta: number }[];
  profile: { nickname: string | null };
}

declare const wallets: Collection<Wallet>;
declare const documents: Collection<Document>;
const walletPort: DocumentCollection<Wallet> = wallets;
const documentPort: DocumentCollection<Document> = documents;

describe('mongodb Collection', () => {
  it('satisfies the DocumentCollection port as-is', () => {
    expectTypeOf<Collection<Wallet>>().toExtend<DocumentCollection<Wallet>>();
    expectTypeOf<Collection<{ _id: number }>>().not.toExtend<DocumentCollection<Wallet>>();
    expect([walletPort, documentPort]).toHaveLength(2);
  });
});
