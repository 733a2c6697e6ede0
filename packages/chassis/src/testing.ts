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

/**
 * For tests: the sum of a metric's samples at the `/metrics` of the server `url` belongs to,
 * over the samples whose labels include every one of `labels` (all of them when none are
 * given); 0 while it has no sample yet. Throws for a metric the server does not declare, so a
 * misspelt name fails.
 */
export async function readMetric(
  url: string,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  // A histogram declares its name; its series add `_count`, `_sum` and `_bucket`.
  const declared = name.replace(/_(count|sum|bucket)$/, '');
  if (!text.includes(`# TYPE ${name} `) && !text.includes(`# TYPE ${declared} `)) {
    throw new Error(`${name} is not at ${url}`);
  }
  const wanted = Object.entries(labels).map(([label, value]) => `${label}="${value}"`);
  let total = 0;
  for (const [, labelSet = '', value] of text.matchAll(
    new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\S+)$`, 'gm'),
  )) {
    const present = labelSet.split(',');
    if (wanted.every((pair) => present.includes(pair))) total += Number(value);
  }
  return total;
}
