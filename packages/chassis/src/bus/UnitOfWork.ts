import type { DocumentStore, StoreSession } from '../store/DocumentStore.ts';
import type { DomainEvent } from '../messages/defineMessage.ts';
import { createMessage } from './createMessage.ts';
import type { Message } from './EventBus.ts';
import { Inbox } from './Inbox.ts';
import type { Outbox } from './Outbox.ts';
import type { OutboxRelay } from './OutboxRelay.ts';

/**
 * Records what to publish if, and only if, the surrounding transaction commits: domain events
 * (`Contract.of(payload)`, or what an aggregate recorded), which the unit of work stamps with an
 * id and the instant they are recorded, or whole messages that carry their own (a command an
 * aggregate may have to send again under the same id).
 */
export type RecordMessages = (...messages: (Message | DomainEvent)[]) => void;

/** A transaction's work: writes go through `session`, messages through `record`. */
export type TransactionalWork<R> = (session: StoreSession, record: RecordMessages) => Promise<R>;

export interface UnitOfWorkOptions {
  store: DocumentStore;
  outbox: Outbox;
  /** Used by {@link UnitOfWork.handleOnce}. Defaults to the store's `inbox` collection. */
  inbox?: Inbox | undefined;
  /** Notified after each commit that recorded messages; without it they wait for a poll. */
  relay?: OutboxRelay | undefined;
}

/**
 * The one-call path for a use case or a subscriber: a transaction whose state changes, outbox
 * messages and (for subscribers) inbox record commit together, followed by a nudge to the relay.
 *
 * @example
 * const purchase = await unitOfWork.run(async (session, record) => {
 *   await purchases.insertOne(doc, { session });
 *   record(PurchaseAccepted.of(payloadOf(doc)));
 *   return doc;
 * });
 */
export class UnitOfWork {
  readonly #store: DocumentStore;
  readonly #outbox: Outbox;
  readonly #inbox: Inbox;
  readonly #relay: OutboxRelay | undefined;

  constructor(options: UnitOfWorkOptions) {
    this.#store = options.store;
    this.#outbox = options.outbox;
    this.#inbox = options.inbox ?? new Inbox(options.store);
    this.#relay = options.relay;
  }

  /**
   * Runs `work` in a transaction, adds what it recorded to the outbox, and returns its result.
   * `work` may run more than once (MongoDB reruns a transaction after a transient error), so an
   * aggregate changed before the transaction gives up its events before it, not inside `work`.
   */
  async run<R>(work: TransactionalWork<R>): Promise<R> {
    let recorded = 0;
    const result = await this.#store.withTransaction(async (session) => {
      const { value, count } = await this.#attempt(session, work);
      recorded = count;
      return value;
    });
    if (recorded > 0) this.#relay?.notify();
    return result;
  }

  /**
   * {@link run} for a subscriber: also records `<subscriberName>:<message.id>` in the inbox in
   * the same transaction. Resolves `false`, changing nothing, when the message was handled
   * before; `true` when `work` ran and committed.
   */
  async handleOnce(
    subscriberName: string,
    message: Message,
    work: TransactionalWork<void>,
  ): Promise<boolean> {
    let recorded = 0;
    const handled = await this.#inbox.handleOnce(subscriberName, message, async (session) => {
      recorded = (await this.#attempt(session, work)).count;
    });
    if (handled && recorded > 0) this.#relay?.notify();
    return handled;
  }

  // A store may rerun a transaction on a transient conflict, so each attempt collects afresh.
  async #attempt<R>(
    session: StoreSession,
    work: TransactionalWork<R>,
  ): Promise<{ value: R; count: number }> {
    const messages: Message[] = [];
    const value = await work(session, (...more) => {
      const now = new Date();
      for (const one of more) {
        messages.push(isMessage(one) ? one : createMessage(one.type, one.payload, now));
      }
    });
    await this.#outbox.add(session, messages);
    return { value, count: messages.length };
  }
}

function isMessage(value: Message | DomainEvent): value is Message {
  return 'id' in value && 'occurredAt' in value;
}
