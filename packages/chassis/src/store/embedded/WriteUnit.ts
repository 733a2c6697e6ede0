import type { Document } from '../DocumentStore.ts';
import type { CollectionState, IndexDefinition } from './CollectionState.ts';
import { encodeKey } from './CollectionState.ts';

/** One entry of a journal line. A line holds the effects of one committed write or transaction. */
export type JournalEntry =
  | { op: 'put'; collection: string; document: Document }
  | { op: 'delete'; collection: string; id: unknown }
  | { op: 'index'; collection: string; index: IndexDefinition };

interface Change {
  state: CollectionState;
  encodedId: string;
  before: Document | undefined;
}

/**
 * The writes of one single operation or one transaction: applied in place as they happen,
 * with enough undo information to roll them back and enough to journal their outcome.
 */
export class WriteUnit {
  readonly #changes: Change[] = [];
  readonly #indexes: { state: CollectionState; index: IndexDefinition }[] = [];

  get isEmpty(): boolean {
    return this.#changes.length === 0 && this.#indexes.length === 0;
  }

  put(state: CollectionState, document: Document, mode: 'insert' | 'replace'): void {
    const before = state.put(document, mode);
    this.#changes.push({ state, encodedId: encodeKey(document._id), before });
  }

  remove(state: CollectionState, encodedId: string): void {
    const before = state.remove(encodedId);
    if (before !== undefined) this.#changes.push({ state, encodedId, before });
  }

  createIndex(state: CollectionState, index: IndexDefinition): string {
    const { name, created } = state.createIndex(index);
    if (created) this.#indexes.push({ state, index });
    return name;
  }

  /** Undoes every write, newest first, leaving the collections as they were before the unit. */
  rollback(): void {
    for (const { state, encodedId, before } of this.#changes.toReversed()) {
      state.restore(encodedId, before);
    }
    for (const { state, index } of this.#indexes) state.dropIndex(index.name);
    this.#changes.length = 0;
    this.#indexes.length = 0;
  }

  /** The outcome of the unit: each touched document's final state, in first-touched order. */
  journalEntries(): JournalEntry[] {
    const entries: JournalEntry[] = this.#indexes.map(({ state, index }) => ({
      op: 'index',
      collection: state.name,
      index,
    }));
    const seen = new Set<string>();
    for (const { state, encodedId, before } of this.#changes) {
      const slot = `${state.name}\u0000${encodedId}`;
      if (seen.has(slot)) continue;
      seen.add(slot);
      const after = state.get(encodedId);
      if (after !== undefined) entries.push({ op: 'put', collection: state.name, document: after });
      else if (before !== undefined)
        entries.push({ op: 'delete', collection: state.name, id: before._id });
    }
    return entries;
  }
}
