import type { Document, DocumentStore, FindOptions } from './store/DocumentStore.ts';

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
