import type { DeliveryInfo, Message, Subscription } from './bus/EventBus.ts';
import { parseByContract } from './messages/defineMessage.ts';
import type { Document, DocumentStore, FindOptions, StoreSession } from './store/DocumentStore.ts';

/**
 * For tests: `store`, whose collections push the options of every `find` into `finds`, to check
 * that a repository asks the store for one page rather than filtering everything itself.
 */
export function recordingFinds(store: DocumentStore, finds: FindOptions[]): DocumentStore {
  return new Proxy(store, {
    get(target, property) {
      if (property !== 'collection') return Reflect.get(target, property, target);
      return <T extends Document>(name: string) =>
        new Proxy(target.collection<T>(name), {
          get(collection, key) {
            const value: unknown = Reflect.get(collection, key, collection);
            if (key === 'find') {
              return (filter: Record<string, unknown>, options: FindOptions = {}) => {
                finds.push(options);
                return collection.find(filter, options);
              };
            }
            return typeof value === 'function' ? value.bind(collection) : value;
          },
        });
    },
  });
}

/**
 * For tests: a subscriber as the bus runs it. Each message is parsed with the subscription's
 * contracts first (a malformed one rejects with `MalformedMessage`, where the bus would
 * dead-letter it), then handed to its handler.
 */
export function throughContracts(subscription: Subscription): {
  handle(message: Message, delivery?: DeliveryInfo): Promise<void>;
} {
  return {
    async handle(message, delivery = { attempt: 0, redelivered: false }) {
      const parsed = parseByContract(subscription.contracts ?? [], message);
      await subscription.handler(parsed, delivery);
    },
  };
}

/** Thrown inside the first attempt of a transaction by {@link rerunningTransactions}. */
const ABANDONED_ATTEMPT = Symbol('abandoned attempt');

/**
 * For tests: `store`, whose every transaction runs its work twice, the first attempt rolled back
 * after the work returned, as MongoDB's driver reruns a transaction whose commit met a transient
 * error. Work that takes something once (an aggregate's events) must still give it on the rerun.
 */
export function rerunningTransactions(store: DocumentStore): DocumentStore {
  return new Proxy(store, {
    get(target, property) {
      if (property !== 'withTransaction') {
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async <R>(work: (session: StoreSession) => Promise<R>): Promise<R> => {
        await target
          .withTransaction(async (session) => {
            await work(session);
            throw ABANDONED_ATTEMPT;
          })
          .catch((error: unknown) => {
            if (error !== ABANDONED_ATTEMPT) throw error;
          });
        return target.withTransaction(work);
      };
    },
  });
}
