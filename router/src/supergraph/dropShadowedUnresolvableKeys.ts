import {
  Kind,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type InterfaceTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
} from 'graphql';

type EntityNode = ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode;

/**
 * Removes, from the supergraph given to the query planner, every `resolvable: false` key of a
 * type in a subgraph that also has a resolvable key for it there.
 *
 * Why: Apollo's query planner (2.14) may enter a subgraph through a key that subgraph declared
 * unresolvable when it also has a resolvable one; the subgraph then cannot find the entity and
 * the answer is null (the federation audit's `keys-mashup`). A `resolvable: false` key only
 * says "this subgraph references the entity"; where a resolvable key exists, the type is an
 * entity there anyway, and leaving that subgraph for another only needs the other's key
 * fields, so planning loses nothing by not seeing it.
 */
export function dropShadowedUnresolvableKeys(
  document: DocumentNode,
  joinNamespace: string,
): DocumentNode {
  const typeDirective = `${joinNamespace}__type`;
  let changed = false;
  const result = visit(document, {
    enter(node) {
      if (
        node.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        node.kind !== Kind.INTERFACE_TYPE_DEFINITION
      ) {
        return undefined;
      }
      const kept = keptDirectives(node, typeDirective);
      if (kept.length === node.directives?.length) return undefined;
      changed = true;
      return { ...node, directives: kept };
    },
  });
  return changed ? result : document;
}

function keptDirectives(node: EntityNode, typeDirective: string): readonly ConstDirectiveNode[] {
  const directives = node.directives ?? [];
  const resolvableIn = new Set<string>();
  for (const directive of directives) {
    if (directive.name.value !== typeDirective) continue;
    const graph = enumArgument(directive, 'graph');
    if (graph !== undefined && argument(directive, 'key') && isResolvable(directive)) {
      resolvableIn.add(graph);
    }
  }
  return directives.filter((directive) => {
    if (directive.name.value !== typeDirective || isResolvable(directive)) return true;
    const graph = enumArgument(directive, 'graph');
    return graph === undefined || !resolvableIn.has(graph);
  });
}

function isResolvable(directive: ConstDirectiveNode): boolean {
  const value = argument(directive, 'resolvable');
  return !(value?.kind === Kind.BOOLEAN && !value.value);
}

function enumArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = argument(directive, name);
  return value?.kind === Kind.ENUM ? value.value : undefined;
}

function argument(directive: ConstDirectiveNode, name: string) {
  return directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
}
