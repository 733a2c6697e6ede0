import type { DocumentStore } from './DocumentStore.ts';
import { EmbeddedStore } from './EmbeddedStore.ts';
import { MongoStore } from './MongoStore.ts';

export interface CreateStoreOptions {
  /** MongoDB connection string. When set, the store is MongoDB; otherwise the embedded engine. */
  mongodbUrl?: string | undefined;
  /** The database this service owns. */
  database: string;
  /** Embedded engine only: where to keep its journal. Without it, data lives in memory. */
  dataDir?: string | undefined;
}

/** Opens the store for one service: MongoDB when `mongodbUrl` is set, else the embedded engine. */
export async function createStore(options: CreateStoreOptions): Promise<DocumentStore> {
  if (options.mongodbUrl !== undefined && options.mongodbUrl !== '') {
    return MongoStore.connect(options.mongodbUrl, options.database);
  }
  return new EmbeddedStore({ database: options.database, dataDir: options.dataDir });
}
