/** Loads values by key, collecting the keys asked for in one turn into one batch. */
export interface BatchLoader<K, V> {
  load(key: K): Promise<V>;
}

/**
 * A per-request batcher in the manner of DataLoader: every `load` made before the event loop
 * moves on (e.g. the `ownedQuantity` of each item of an `_entities` call) is answered by one
 * call of `loadMany`, which must return one value per key, in order.
 */
export function createBatchLoader<K, V>(
  loadMany: (keys: readonly K[]) => Promise<readonly V[]>,
): BatchLoader<K, V> {
  let pending: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    loadMany(batch.map(({ key }) => key)).then(
      (values) => {
        batch.forEach(({ resolve, reject }, index) => {
          if (index < values.length) resolve(values[index] as V);
          else
            reject(
              new Error(`the batch returned ${values.length} values for ${batch.length} keys`),
            );
        });
      },
      (error: unknown) => batch.forEach(({ reject }) => reject(error)),
    );
  };
  return {
    load(key) {
      return new Promise<V>((resolve, reject) => {
        // setImmediate runs after the promise jobs of this turn, so their loads join the batch.
        if (pending.length === 0) setImmediate(flush);
        pending.push({ key, resolve, reject });
      });
    },
  };
}
