import type { GraphQLSchema } from 'graphql';
import { readCacheHints, type CacheHintIndex } from './readCacheHints.ts';

/** The part of a gateway that reports each supergraph it loads. */
export interface SchemaSource {
  onSchemaLoadOrUpdate(
    callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void,
  ): unknown;
}

/**
 * The cache hints of each supergraph the gateway serves, keyed by the API schema that requests
 * carry, so a request is always judged by the hints of the schema it was planned against, also
 * while a new supergraph is being rolled in.
 */
export class CacheHintRegistry {
  readonly #indexes = new WeakMap<GraphQLSchema, CacheHintIndex>();

  /** Indexes every supergraph `gateway` loads from now on. */
  track(gateway: SchemaSource): void {
    gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
      this.#indexes.set(apiSchema, readCacheHints(coreSupergraphSdl));
    });
  }

  of(schema: GraphQLSchema): CacheHintIndex | undefined {
    return this.#indexes.get(schema);
  }
}
