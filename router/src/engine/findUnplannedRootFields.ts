import type { PlanNode, QueryPlan } from '@apollo/query-planner';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import type { SelectionShape } from './ResponseShape.ts';

/**
 * The root fields an operation selects that its plans fetch from no subgraph. Apollo's query
 * planner leaves out, without a word, a field no subgraph can resolve (e.g. an interface only
 * reachable through an unresolvable `@interfaceObject`); executing such a plan would answer
 * null as if the data were missing. The engine refuses those operations instead.
 */
export function findUnplannedRootFields(
  plans: readonly QueryPlan[],
  root: SelectionShape,
): string[] {
  const selected = new Set<string>();
  collectSelected(root, selected);
  if (selected.size === 0) return [];
  const fetched = new Set<string>();
  for (const { node } of plans) {
    if (node?.kind === 'Subscription') collectFetched(node.primary, fetched);
    else if (node) collectFetched(node, fetched);
  }
  return [...selected].filter((name) => !fetched.has(name));
}

function collectSelected(selection: SelectionShape, into: Set<string>): void {
  for (const item of selection) {
    if (item.kind === 'fragment') collectSelected(item.selection, into);
    else if (!item.isTypename && !item.introspection) into.add(item.dataKey);
  }
}

/** Response names fetched at the root: by fetches outside any `Flatten`. */
function collectFetched(node: PlanNode, into: Set<string>): void {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) collectFetched(child, into);
      return;
    case 'Condition':
      if (node.ifClause) collectFetched(node.ifClause, into);
      if (node.elseClause) collectFetched(node.elseClause, into);
      return;
    case 'Fetch': {
      if (node.requires) return;
      const document = node.operationDocumentNode ?? parse(node.operation);
      for (const definition of document.definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION) {
          collectResponseNames(definition.selectionSet, into);
        }
      }
      return;
    }
    case 'Flatten':
    case 'Defer':
      return;
  }
}

function collectResponseNames(selectionSet: SelectionSetNode, into: Set<string>): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.add(selection.alias?.value ?? selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectResponseNames(selection.selectionSet, into);
    }
  }
}
