import type { Types } from '@graphql-codegen/plugin-helpers';
import { Kind, visit, type ASTNode, type DocumentNode, type FieldNode } from 'graphql';

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * Adds `__typename` to every selection set except an operation's root, before documents are
 * hashed into the trusted-documents manifest: the router runs the manifest's text, so a client
 * cache that needs typenames must find them there. Not at the root, where a subscription may
 * select one field only (and `__typename` of Query or Mutation tells nothing).
 */
export const addTypenameBelowRoot: Types.DocumentTransformObject = {
  transform: ({ documents }) =>
    documents.map((source) =>
      source.document ? { ...source, document: withTypenames(source.document) } : source,
    ),
};

function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      leave(node, _key, parent) {
        if (isNode(parent) && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
        const selected = node.selections.some(
          (selection) =>
            selection.kind === Kind.FIELD &&
            selection.name.value === '__typename' &&
            !selection.alias,
        );
        return selected ? undefined : { ...node, selections: [TYPENAME, ...node.selections] };
      },
    },
  });
}

function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && 'kind' in value;
}
