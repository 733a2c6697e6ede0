import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FetchNode, PlanNode, QueryPlan, ResponsePath } from '@apollo/query-planner';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { applyRewrites, mergeInto, selectRepresentation, type DataObject } from './fetchData.ts';
import { asGraphQLError } from '../errors/withCode.ts';
import { RepresentationSet } from './RepresentationSet.ts';
import type { TypeRelations } from './TypeRelations.ts';

type ProcessOptions = GraphQLDataSourceProcessOptions<Record<string, unknown>>;
type IncomingOperation = Extract<ProcessOptions, { incomingRequestContext: unknown }>;
type IncomingRequestContext = IncomingOperation['incomingRequestContext'];

/** `GraphQLDataSourceRequestKind.INCOMING_OPERATION`, an enum the gateway does not export. */
const INCOMING_OPERATION = 'incoming operation' as IncomingOperation['kind'];

export interface PlanExecution {
  plan: QueryPlan;
  /** The data sources of the supergraph's subgraphs, by name. */
  dataSources: ReadonlyMap<string, GraphQLDataSource>;
  types: TypeRelations;
  /** The client's variables, as sent (subgraphs apply their own defaults). */
  variables: Readonly<Record<string, unknown>>;
  /** The client's variables with the operation's defaults, for conditions. */
  conditionValues: Readonly<Record<string, unknown>>;
  /** Handed to every data source, as the gateway does: its context, schema and request. */
  requestContext: IncomingRequestContext;
  /** The data to build on: an empty object, or a subscription event's data. */
  data?: DataObject;
}

export interface PlanResult {
  data: DataObject;
  errors: GraphQLError[];
}

/**
 * Executes a query plan: fetches in sequence and in parallel as the plan says, each entity
 * fetch sending the representations of the entities at its path (each distinct one once), and
 * every answer merged in place into one data tree. A failed fetch becomes an error at the
 * paths it would have filled; the rest of the plan goes on.
 */
export async function executePlan(execution: PlanExecution): Promise<PlanResult> {
  const data: DataObject = execution.data ?? {};
  const run = new PlanRun(execution, data);
  const node = execution.plan.node;
  if (node) {
    if (node.kind === 'Subscription') throw new Error('a subscription plan runs per event');
    await run.node(node, [data], []);
  }
  return { data, errors: run.errors };
}

class PlanRun {
  readonly errors: GraphQLError[] = [];
  readonly #execution: PlanExecution;
  readonly #root: DataObject;

  constructor(execution: PlanExecution, root: DataObject) {
    this.#execution = execution;
    this.#root = root;
  }

  /** Runs `node` on the objects at `path` (lists flattened). */
  async node(node: PlanNode, objects: DataObject[], path: ResponsePath): Promise<void> {
    switch (node.kind) {
      case 'Sequence':
        for (const child of node.nodes) await this.node(child, objects, path);
        return;
      case 'Parallel':
        await Promise.all(node.nodes.map((child) => this.node(child, objects, path)));
        return;
      case 'Flatten': {
        const inner = flatten(objects, node.path);
        if (inner.length > 0) await this.node(node.node, inner, [...path, ...node.path]);
        return;
      }
      case 'Fetch':
        try {
          await this.#fetch(node, objects, path);
        } catch (error) {
          this.errors.push(asGraphQLError(error));
        }
        return;
      case 'Condition': {
        const value = this.#execution.conditionValues[node.condition];
        const branch = value === true ? node.ifClause : node.elseClause;
        if (branch) await this.node(branch, objects, path);
        return;
      }
      case 'Defer':
        throw new Error('@defer is not supported');
    }
  }

  async #fetch(fetch: FetchNode, objects: DataObject[], path: ResponsePath): Promise<void> {
    const { types } = this.#execution;
    const variables: DataObject = {};
    for (const name of fetch.variableUsages ?? []) {
      const value = this.#execution.variables[name];
      if (value !== undefined) variables[name] = value;
    }

    if (!fetch.requires) {
      const received = await this.#send(fetch, variables, path, undefined);
      if (!received) return;
      applyRewrites(fetch.outputRewrites, received, types);
      for (const object of objects) mergeInto(object, received);
      return;
    }

    // Each distinct representation is sent once; its answer is merged into every entity.
    const distinct = new RepresentationSet();
    // Answers merged into several entities share their nested objects: each is resolved once.
    const seen = new Set<DataObject>();
    for (const entity of objects) {
      if (seen.has(entity)) continue;
      seen.add(entity);
      const representation = selectRepresentation(entity, fetch.requires, types);
      if (!representation || !representation['__typename']) continue;
      applyRewrites(fetch.inputRewrites, representation, types);
      distinct.add(representation, entity);
    }
    if (distinct.size === 0) return;
    if ('representations' in variables) {
      throw new Error('variables cannot contain key "representations"');
    }
    const { representations, entities: entitiesOf } = distinct;
    variables['representations'] = representations;

    const received = await this.#send(fetch, variables, path, entitiesOf);
    if (!received) return;
    const entities = received['_entities'];
    if (!Array.isArray(entities)) {
      throw new Error('Expected "data._entities" in response to be an array');
    }
    if (entities.length !== representations.length) {
      throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
    }
    for (let index = 0; index < entities.length; index++) {
      const entity: unknown = entities[index];
      if (entity === null || typeof entity !== 'object') continue;
      const targets = entitiesOf[index] ?? [];
      const answer = entity as DataObject;
      if (!answer['__typename']) answer['__typename'] = targets[0]?.['__typename'];
      applyRewrites(fetch.outputRewrites, answer, types);
      for (const target of targets) mergeInto(target, answer);
    }
  }

  /**
   * Sends one fetch; returns its data (possibly null). Its errors are recorded at the response
   * paths they concern: for an entity fetch, those of every entity sharing the representation.
   */
  async #send(
    fetch: FetchNode,
    variables: DataObject,
    path: ResponsePath,
    entitiesOf: DataObject[][] | undefined,
  ): Promise<DataObject | null | undefined> {
    const dataSource = this.#execution.dataSources.get(fetch.serviceName);
    if (!dataSource) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
    const { requestContext } = this.#execution;
    const send = () =>
      dataSource.process({
        kind: INCOMING_OPERATION,
        request: {
          query: fetch.operation,
          variables,
          ...(fetch.operationName === undefined ? {} : { operationName: fetch.operationName }),
        },
        incomingRequestContext: requestContext,
        context: requestContext.context,
        ...(fetch.operationDocumentNode ? { document: fetch.operationDocumentNode } : {}),
        pathInIncomingRequest: path,
      });
    const response = await inFetchSpan(fetch.serviceName, send);
    if (response.errors) {
      for (const error of response.errors) {
        for (const errorPath of this.#pathsOf(error, path, entitiesOf)) {
          this.errors.push(subgraphError(error, fetch.serviceName, errorPath));
        }
      }
    }
    return response.data as DataObject | null | undefined;
  }

  /** Where in the client's response a subgraph error belongs. */
  #pathsOf(
    error: GraphQLFormattedError,
    fetchPath: ResponsePath,
    entitiesOf: DataObject[][] | undefined,
  ): (ResponsePath | undefined)[] {
    const errorPath = error.path;
    if (!errorPath) return [undefined];
    const index = errorPath[1];
    if (!entitiesOf || typeof index !== 'number') return [[...fetchPath, ...errorPath]];
    const targets = new Set(entitiesOf[index] ?? []);
    if (targets.size === 0) return [[]];
    const paths: ResponsePath[] = [];
    findPaths(this.#root, fetchPath, 0, [], targets, paths);
    return paths.map((entityPath) => [...entityPath, ...errorPath.slice(2)]);
  }
}

/**
 * Runs a fetch in a `router.fetch` span, so the subgraph's spans are its children (the data
 * source sends the active context on). Only when the request is traced: spans nobody records
 * would cost every fetch for nothing.
 */
async function inFetchSpan<T>(subgraph: string, send: () => Promise<T>): Promise<T> {
  if (!trace.getActiveSpan()?.isRecording()) return send();
  return trace
    .getTracer('@play-economy/router')
    .startActiveSpan(
      'router.fetch',
      { attributes: { 'play_economy.subgraph': subgraph } },
      async (span) => {
        try {
          return await send();
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    );
}

/** The objects at `path` below `objects`, lists flattened, nulls left out. */
function flatten(objects: readonly DataObject[], path: ResponsePath): DataObject[] {
  const found: DataObject[] = [];
  for (const object of objects) collect(object, path, 0, found);
  return found;
}

function collect(value: unknown, path: ResponsePath, start: number, found: DataObject[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    // A list stands where the path says '@' (one per level of nested lists); at the end of the
    // path, its elements are the objects.
    if (path[start] === '@') start++;
    else if (start < path.length) return;
    for (const element of value) collect(element, path, start, found);
    return;
  }
  if (start === path.length) {
    found.push(value as DataObject);
    return;
  }
  const element = path[start] as string;
  // Own fields only: a response name may be `__proto__`.
  if (element !== '@' && Object.hasOwn(value, element)) {
    collect((value as DataObject)[element], path, start + 1, found);
  }
}

/** The response paths, indices filled in, at which `targets` stand along `path`. */
function findPaths(
  value: unknown,
  path: ResponsePath,
  start: number,
  prefix: ResponsePath,
  targets: ReadonlySet<unknown>,
  found: ResponsePath[],
): void {
  if (value === null || value === undefined) return;
  if (start === path.length) {
    if (targets.has(value)) found.push([...prefix]);
    return;
  }
  const element = path[start];
  if (element === '@') {
    if (!Array.isArray(value)) return;
    value.forEach((item, index) => {
      prefix.push(index);
      findPaths(item, path, start + 1, prefix, targets, found);
      prefix.pop();
    });
  } else if (typeof value === 'object' && !Array.isArray(value)) {
    if (!Object.hasOwn(value, element as string)) return;
    prefix.push(element as string);
    findPaths((value as DataObject)[element as string], path, start + 1, prefix, targets, found);
    prefix.pop();
  }
}

/** A subgraph's error as the client gets it, marked with the subgraph it came from. */
function subgraphError(
  error: GraphQLFormattedError,
  serviceName: string,
  path: ResponsePath | undefined,
): GraphQLError {
  const code = error.extensions?.['code'];
  return new GraphQLError(
    error.message || `Error while fetching subquery from service "${serviceName}"`,
    {
      ...(path ? { path } : {}),
      originalError: Object.assign(new Error(error.message), error),
      extensions: {
        ...error.extensions,
        code: typeof code === 'string' ? code : 'DOWNSTREAM_SERVICE_ERROR',
        serviceName,
      },
    },
  );
}
