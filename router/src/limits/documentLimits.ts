import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  parse,
  type ASTVisitor,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** How big a document the router reads and plans; each is refused before validation. */
export interface DocumentLimits {
  /** Characters of query text. */
  maxLength: number;
  /** Lexical tokens: names, punctuation, values (the parser stops at the next one). */
  maxTokens: number;
  /** Nested selection sets of an operation, fragments followed; introspection not counted. */
  maxDepth: number;
  /** Aliased fields in an operation, fragments included. */
  maxAliases: number;
  /** Fields selected at the root of an operation, fragments included. */
  maxRootFields: number;
  /** Directives used in an operation, fragments included. */
  maxDirectives: number;
}

/**
 * Roomy for anything a front end or Sandbox sends (Sandbox's introspection query is about 200
 * tokens; the largest operation of the test suites about 150), tight enough that a document
 * costs milliseconds at most to refuse.
 */
export const DEFAULT_DOCUMENT_LIMITS: Readonly<DocumentLimits> = {
  maxLength: 32_768,
  maxTokens: 2_000,
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxDirectives: 50,
};

/**
 * Parses `query` within the length and token limits: a document beyond either is refused
 * before (or while) it is read, so its size never costs more than the limit.
 */
export function parseWithinLimits(query: string, limits: DocumentLimits): DocumentNode {
  if (query.length > limits.maxLength) {
    throw limitExceeded(
      `The document is ${query.length} characters long; at most ${limits.maxLength} are allowed.`,
      'length',
      limits.maxLength,
    );
  }
  try {
    return parse(query, { maxTokens: limits.maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError && error.message.includes('tokens')) {
      throw limitExceeded(
        `The document has more than ${limits.maxTokens} tokens; at most ${limits.maxTokens} are allowed.`,
        'tokens',
        limits.maxTokens,
      );
    }
    throw error;
  }
}

/**
 * Validation rules for the shape limits (depth, aliases, directives by graphql-armor; root
 * fields here), run before the specification's rules, whose cost grows faster than the
 * document. Each refusal is a `BAD_USER_INPUT` error naming the limit.
 */
export function documentLimitRules(limits: DocumentLimits): ValidationRule[] {
  const armor = <Options>(
    rule: (options: Options) => ValidationRule,
    limit: string,
    n: number,
    options: Omit<Options, 'n' | 'onReject' | 'propagateOnRejection'>,
  ): ValidationRule =>
    rule({
      ...options,
      n,
      propagateOnRejection: false,
      onReject: [
        (context: ValidationContext | null, error: GraphQLError) =>
          context?.reportError(
            limitExceeded(error.message.replace(/^Syntax Error: /, ''), limit, n),
          ),
      ],
    } as Options);
  return [
    armor(maxDepthRule, 'depth', limits.maxDepth, {
      ignoreIntrospection: true,
      // Fields nest, fragments do not: `...Item` adds no level of its own.
      flattenFragments: true,
    }),
    armor(maxAliasesRule, 'aliases', limits.maxAliases, {}),
    armor(maxDirectivesRule, 'directives', limits.maxDirectives, {}),
    maxRootFieldsRule(limits.maxRootFields),
  ];
}

function maxRootFieldsRule(max: number): ValidationRule {
  return (context): ASTVisitor => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const found = countRootFields(context, operation.selectionSet, new Set());
      if (found > max) {
        context.reportError(
          limitExceeded(`Root fields limit of ${max} exceeded, found ${found}.`, 'rootFields', max),
        );
      }
    },
  });
}

function countRootFields(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  visited: Set<string>,
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countRootFields(context, selection.selectionSet, visited);
    } else if (!visited.has(selection.name.value)) {
      // Cycles are refused by validation later; here they only must not loop.
      visited.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += countRootFields(context, fragment.selectionSet, visited);
    }
  }
  return count;
}

function limitExceeded(message: string, limit: string, max: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', limit, max } });
}
