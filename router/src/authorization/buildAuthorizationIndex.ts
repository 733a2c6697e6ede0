import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type EnumTypeDefinitionNode,
  type EnumTypeExtensionNode,
  type InterfaceTypeDefinitionNode,
  type InterfaceTypeExtensionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  type ScalarTypeDefinitionNode,
  type ScalarTypeExtensionNode,
  type UnionTypeDefinitionNode,
  type UnionTypeExtensionNode,
} from 'graphql';
import type { LinkedSecurityFeature } from '../supergraph/prepareSupergraph.ts';

/**
 * `[["a", "b"], ["c"]]`: satisfied by holding every entry of at least one inner list
 * (`a AND b`, OR `c`), as in `@requiresScopes(scopes:)` and `@policy(policies:)`.
 */
export type Alternatives = readonly (readonly string[])[];

/** What one schema element (a type or a field) demands of the caller. */
export interface AccessRequirement {
  /** `@authenticated`: any verified caller. */
  authenticated: boolean;
  /** One entry per `@requiresScopes`; all must be satisfied. */
  scopes: readonly Alternatives[];
  /** One entry per `@policy`; all must be satisfied. */
  policies: readonly Alternatives[];
}

/** The authorization directives of one supergraph, by type and by field. */
export interface AuthorizationIndex {
  /** True when the supergraph carries no authorization directive at all. */
  readonly empty: boolean;
  /** What the type demands of whoever reads a value of it, if anything. */
  type(typeName: string): AccessRequirement | undefined;
  /** What the field demands, if anything (the field's own directives only). */
  field(typeName: string, fieldName: string): AccessRequirement | undefined;
}

/** Definitions that may carry the directives, on themselves or on their fields. */
type DirectedNode =
  | ObjectTypeDefinitionNode
  | ObjectTypeExtensionNode
  | InterfaceTypeDefinitionNode
  | InterfaceTypeExtensionNode
  | ScalarTypeDefinitionNode
  | ScalarTypeExtensionNode
  | EnumTypeDefinitionNode
  | EnumTypeExtensionNode
  | UnionTypeDefinitionNode
  | UnionTypeExtensionNode;

const DIRECTED_KINDS = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_EXTENSION,
  Kind.SCALAR_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_EXTENSION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.ENUM_TYPE_EXTENSION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.UNION_TYPE_EXTENSION,
]);

interface DirectiveNames {
  authenticated: string | undefined;
  requiresScopes: string | undefined;
  policy: string | undefined;
}

/**
 * Reads `@authenticated`, `@requiresScopes` and `@policy` from a supergraph SDL, under the names
 * the supergraph links them by (`securityFeatures`, from `prepareSupergraph`). Built once per
 * loaded supergraph; lookups are map reads.
 */
export function buildAuthorizationIndex(
  supergraph: string | DocumentNode,
  securityFeatures: readonly LinkedSecurityFeature[],
): AuthorizationIndex {
  const nameOf = (feature: string) =>
    securityFeatures.find(({ name }) => name === feature)?.directiveName;
  const names: DirectiveNames = {
    authenticated: nameOf('authenticated'),
    requiresScopes: nameOf('requiresScopes'),
    policy: nameOf('policy'),
  };
  const types = new Map<string, AccessRequirement>();
  const fields = new Map<string, AccessRequirement>();
  if (names.authenticated || names.requiresScopes || names.policy) {
    const document =
      typeof supergraph === 'string' ? parse(supergraph, { noLocation: true }) : supergraph;
    for (const definition of document.definitions.filter(isDirected)) {
      const typeName = definition.name.value;
      merge(types, typeName, readRequirement(definition.directives ?? [], names));
      const fieldNodes = 'fields' in definition ? (definition.fields ?? []) : [];
      for (const field of fieldNodes) {
        const requirement = readRequirement(field.directives ?? [], names);
        merge(fields, `${typeName}.${field.name.value}`, requirement);
      }
    }
  }
  return {
    empty: types.size === 0 && fields.size === 0,
    type: (typeName) => types.get(typeName),
    field: (typeName, fieldName) => fields.get(`${typeName}.${fieldName}`),
  };
}

function isDirected(definition: DefinitionNode): definition is DirectedNode {
  return DIRECTED_KINDS.has(definition.kind);
}

function readRequirement(
  directives: readonly ConstDirectiveNode[],
  names: DirectiveNames,
): AccessRequirement | undefined {
  let authenticated = false;
  const scopes: Alternatives[] = [];
  const policies: Alternatives[] = [];
  for (const directive of directives) {
    const name = directive.name.value;
    if (name === names.authenticated) authenticated = true;
    else if (name === names.requiresScopes) scopes.push(alternatives(directive, 'scopes'));
    else if (name === names.policy) policies.push(alternatives(directive, 'policies'));
  }
  if (!authenticated && scopes.length === 0 && policies.length === 0) return undefined;
  return { authenticated, scopes, policies };
}

function merge(
  map: Map<string, AccessRequirement>,
  key: string,
  requirement: AccessRequirement | undefined,
): void {
  if (!requirement) return;
  const current = map.get(key);
  map.set(
    key,
    current
      ? {
          authenticated: current.authenticated || requirement.authenticated,
          scopes: [...current.scopes, ...requirement.scopes],
          policies: [...current.policies, ...requirement.policies],
        }
      : requirement,
  );
}

/**
 * The `[[String]]` argument of a directive. GraphQL input coercion lets a single value stand
 * for a list of one, so `"a"` and `["a"]` both read as `[["a"]]`. An alternative with an entry
 * that is not a string is dropped, and a missing argument reads as `[]`: what cannot be read
 * cannot be satisfied, so it denies.
 */
function alternatives(directive: ConstDirectiveNode, argumentName: string): Alternatives {
  const value = directive.arguments?.find(({ name }) => name.value === argumentName)?.value;
  if (value === undefined) return [];
  const read: string[][] = [];
  for (const inner of value.kind === Kind.LIST ? value.values : [value]) {
    const entries = inner.kind === Kind.LIST ? inner.values : [inner];
    const strings = entries.flatMap((entry) => (entry.kind === Kind.STRING ? [entry.value] : []));
    if (strings.length === entries.length) read.push(strings);
  }
  return read;
}
