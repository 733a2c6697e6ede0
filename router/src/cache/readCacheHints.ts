import { Kind, parse, type ConstDirectiveNode, type DocumentNode, type TypeNode } from 'graphql';

/** The project's cache-hint spec, linked by subgraphs and kept in the supergraph. */
export const CACHE_CONTROL_SPEC = 'https://play-economy.dev/cacheControl';

/** Who may share a cached value. */
export type CacheScope = 'PUBLIC' | 'PRIVATE';

/** One `@cacheControl(maxAge:, scope:, inheritMaxAge:)` as written on a type or field. */
export interface CacheHint {
  maxAge?: number;
  scope?: CacheScope;
  inheritMaxAge?: boolean;
}

/** A field of a composite type: what it returns and its own hint. */
export interface FieldInfo {
  /** The named type it returns, lists and non-null stripped. */
  type: string;
  hint: CacheHint | undefined;
}

/** The cache hints of one supergraph, with the type information needed to apply them. */
export interface CacheHintIndex {
  /** The hint on the type itself, if any. */
  typeHint(typeName: string): CacheHint | undefined;
  /** The field, if the type has it. */
  field(typeName: string, fieldName: string): FieldInfo | undefined;
  /** Object, interface or union: a value with a selection of its own. */
  isComposite(typeName: string): boolean;
  /** An entity type (declares `@key` in some subgraph): its changes are announced by events. */
  isEntity(typeName: string): boolean;
  /** The name of the `query` / `mutation` / `subscription` root type. */
  rootType(operation: 'query' | 'mutation' | 'subscription'): string;
}

interface TypeInfo {
  hint: CacheHint | undefined;
  fields: Map<string, FieldInfo>;
  entity: boolean;
}

/**
 * Reads `@cacheControl` from a supergraph SDL, under the name the supergraph links it by (an
 * `as:` or aliased import renames it), with the return type of every field. Without a link to
 * the spec, no type or field has a hint, so nothing is cacheable.
 */
export function readCacheHints(supergraph: string | DocumentNode): CacheHintIndex {
  const document =
    typeof supergraph === 'string' ? parse(supergraph, { noLocation: true }) : supergraph;
  const directiveName = findDirectiveName(document);
  const types = new Map<string, TypeInfo>();
  const composite = new Set<string>();
  const roots = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };

  for (const definition of document.definitions) {
    if (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) {
      for (const { operation, type } of definition.operationTypes ?? []) {
        roots[operation] = type.name.value;
      }
      continue;
    }
    if (
      definition.kind === Kind.UNION_TYPE_DEFINITION ||
      definition.kind === Kind.UNION_TYPE_EXTENSION
    ) {
      composite.add(definition.name.value);
      typeInfo(types, definition.name.value).hint ??= hintOf(definition.directives, directiveName);
      continue;
    }
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    const name = definition.name.value;
    composite.add(name);
    const info = typeInfo(types, name);
    info.hint ??= hintOf(definition.directives, directiveName);
    info.entity ||= (definition.directives ?? []).some(isKeyDirective);
    for (const field of definition.fields ?? []) {
      info.fields.set(field.name.value, {
        type: namedType(field.type),
        hint: hintOf(field.directives, directiveName),
      });
    }
  }

  return {
    typeHint: (typeName) => types.get(typeName)?.hint,
    field: (typeName, fieldName) => types.get(typeName)?.fields.get(fieldName),
    isComposite: (typeName) => composite.has(typeName),
    isEntity: (typeName) => types.get(typeName)?.entity ?? false,
    rootType: (operation) => roots[operation],
  };
}

function typeInfo(types: Map<string, TypeInfo>, name: string): TypeInfo {
  let info = types.get(name);
  if (!info) {
    info = { hint: undefined, fields: new Map(), entity: false };
    types.set(name, info);
  }
  return info;
}

/** The local name of `@cacheControl`, or undefined when the supergraph does not link the spec. */
function findDirectiveName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) {
      continue;
    }
    for (const directive of definition.directives ?? []) {
      const url = stringArgument(directive, 'url');
      if (url === undefined || !url.startsWith(`${CACHE_CONTROL_SPEC}/`)) continue;
      const imports = directive.arguments?.find(({ name }) => name.value === 'import')?.value;
      if (imports?.kind === Kind.LIST) {
        for (const entry of imports.values) {
          if (entry.kind === Kind.STRING && entry.value === '@cacheControl') return 'cacheControl';
          if (entry.kind !== Kind.OBJECT) continue;
          const field = (key: string) => {
            const value = entry.fields.find(({ name }) => name.value === key)?.value;
            return value?.kind === Kind.STRING ? value.value : undefined;
          };
          if (field('name') === '@cacheControl') {
            return (field('as') ?? '@cacheControl').replace(/^@/, '');
          }
        }
      }
      // Not imported: the feature's own directive goes by the link's namespace.
      return stringArgument(directive, 'as') ?? 'cacheControl';
    }
  }
  return undefined;
}

function hintOf(
  directives: readonly ConstDirectiveNode[] | undefined,
  directiveName: string | undefined,
): CacheHint | undefined {
  const directive = directiveName && directives?.find(({ name }) => name.value === directiveName);
  if (!directive) return undefined;
  const hint: CacheHint = {};
  for (const { name, value } of directive.arguments ?? []) {
    if (name.value === 'maxAge' && value.kind === Kind.INT) hint.maxAge = Number(value.value);
    if (name.value === 'scope' && value.kind === Kind.ENUM) {
      if (value.value === 'PUBLIC' || value.value === 'PRIVATE') hint.scope = value.value;
    }
    if (name.value === 'inheritMaxAge' && value.kind === Kind.BOOLEAN) {
      hint.inheritMaxAge = value.value;
    }
  }
  return hint;
}

/** `@join__type(graph:, key:)` in a supergraph, or `@key` in a subgraph SDL. */
function isKeyDirective(directive: ConstDirectiveNode): boolean {
  const name = directive.name.value;
  if (name === 'key') return true;
  return (
    name.endsWith('__type') && directive.arguments?.some((a) => a.name.value === 'key') === true
  );
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}
