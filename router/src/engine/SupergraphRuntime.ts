import {
  operationFromDocument,
  Supergraph,
  type Operation,
  type Schema,
} from '@apollo/federation-internals';
import type { GraphQLDataSource } from '@apollo/gateway';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import { findUnplannedRootFields } from './findUnplannedRootFields.ts';
import { RequiresWithArguments } from './RequiresWithArguments.ts';
import { compileResponseShape, type ResponseShape } from './ResponseShape.ts';
import { TypeRelations } from './TypeRelations.ts';

/** Everything about one operation that does not depend on a request's variables. */
export interface PreparedOperation {
  operation: Operation;
  /** One plan; several when a conflict of `@requires` arguments splits the operation. */
  plans: readonly QueryPlan[];
  shape: ResponseShape;
  /** Values of the variables that have defaults, for conditions and shaping. */
  defaultedVariables: Readonly<Record<string, unknown>>;
}

/** A counter of lookups in the router's operation caches, by cache and outcome. */
export interface CacheLookups {
  inc(labels: { cache: 'document' | 'plan' | 'response'; outcome: 'hit' | 'miss' }): void;
}

export interface SupergraphRuntimeOptions {
  /** A supergraph SDL the planner accepts (SECURITY features already handed over). */
  sdl: string;
  buildService: (definition: { name: string; url: string }) => GraphQLDataSource;
  /** Check the supergraph's consistency when loading it (slower start). */
  validate: boolean;
  operationCacheSize: number;
  /** Counts lookups in the plan cache (`cache="plan"`). */
  cacheLookups?: CacheLookups | undefined;
}

/**
 * One loaded supergraph: its schemas, its query planner, the data sources of its subgraphs
 * and the operations prepared against it. Built once per supergraph version; a request keeps
 * the runtime it started with while a newer one is rolled in.
 */
export class SupergraphRuntime {
  readonly sdl: string;
  readonly apiSchema: Schema;
  /** The schema clients see, which requests are validated against. */
  readonly apiGraphQLSchema: GraphQLSchema;
  readonly types: TypeRelations;
  readonly dataSources: ReadonlyMap<string, GraphQLDataSource>;
  readonly #planner: QueryPlanner;
  readonly #requiresWithArguments: RequiresWithArguments;
  readonly #prepared: LRUCache<string, PreparedOperation>;
  readonly #cacheLookups: CacheLookups | undefined;

  constructor({
    sdl,
    buildService,
    validate,
    operationCacheSize,
    cacheLookups,
  }: SupergraphRuntimeOptions) {
    this.#cacheLookups = cacheLookups;
    const supergraph = Supergraph.build(sdl, { validateSupergraph: validate });
    this.sdl = sdl;
    this.apiSchema = supergraph.apiSchema();
    this.apiGraphQLSchema = this.apiSchema.toGraphQLJSSchema();
    // Fetch inputs may select @inaccessible fields: they are read against the supergraph.
    const supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.types = new TypeRelations(supergraphSchema);
    const join = supergraph.schema.coreFeatures?.getByIdentity('https://specs.apollo.dev/join');
    this.#requiresWithArguments = new RequiresWithArguments(
      supergraphSchema,
      `${join?.nameInSchema ?? 'join'}__field`,
    );
    this.#planner = new QueryPlanner(supergraph);
    this.dataSources = new Map(
      supergraph
        .subgraphsMetadata()
        .map(({ name, url }) => [name, buildService({ name, url })] as const),
    );
    this.#prepared = new LRUCache({ max: operationCacheSize });
  }

  /**
   * The prepared operation for `document` (already validated against `apiGraphQLSchema`),
   * planned on first use and cached under `key` (which must identify the document's text).
   */
  prepare(
    key: string,
    document: DocumentNode,
    operationName: string | undefined,
  ): PreparedOperation {
    const cacheKey = operationName === undefined ? key : `${key}\u0000${operationName}`;
    let prepared = this.#prepared.get(cacheKey);
    this.#cacheLookups?.inc({ cache: 'plan', outcome: prepared ? 'hit' : 'miss' });
    if (!prepared) {
      const planned = this.#requiresWithArguments.aliasIn(document, this.apiGraphQLSchema);
      const options = operationName === undefined ? {} : { operationName };
      const operation = operationFromDocument(this.apiSchema, planned, options);
      const variants = this.#requiresWithArguments.splitConflicts(planned, this.apiGraphQLSchema);
      const plans =
        variants.length === 1
          ? [this.#planner.buildQueryPlan(operation)]
          : variants.map((variant) =>
              this.#planner.buildQueryPlan(operationFromDocument(this.apiSchema, variant, options)),
            );
      const shape = compileResponseShape(operation);
      const unplanned = findUnplannedRootFields(plans, shape.selection);
      if (unplanned.length > 0) {
        throw new Error(
          `no subgraph can resolve ${unplanned.map((name) => `"${name}"`).join(', ')}: the query planner left ${unplanned.length === 1 ? 'it' : 'them'} out of the plan`,
        );
      }
      prepared = {
        operation,
        plans,
        shape,
        defaultedVariables: operation.collectDefaultedVariableValues(),
      };
      this.#prepared.set(cacheKey, prepared);
    }
    return prepared;
  }
}
