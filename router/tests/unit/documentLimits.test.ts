import type { GraphQLError } from 'graphql';
import { buildSchema, getIntrospectionQuery, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOCUMENT_LIMITS,
  documentLimitRules,
  parseWithinLimits,
  type DocumentLimits,
} from '../../src/limits/documentLimits.ts';

const schema = buildSchema(`
  type Query { user(id: ID): User users: [User!]! }
  type User { id: ID! name: String friends: [User!]! }
`);
const limits: DocumentLimits = {
  maxLength: 2000,
  maxTokens: 200,
  maxDepth: 4,
  maxAliases: 2,
  maxRootFields: 3,
  maxDirectives: 2,
};

/** The limits each document breaks, as `extensions.limit`. */
function broken(query: string): unknown[] {
  try {
    const document = parseWithinLimits(query, limits);
    return validate(schema, document, documentLimitRules(limits)).map(
      (error) => error.extensions['limit'],
    );
  } catch (error) {
    return [(error as GraphQLError).extensions['limit']];
  }
}

describe('document limits', () => {
  it('let a document within every limit through', () => {
    expect(broken('{ user(id: 1) { id friends { name friends { id } } } }')).toEqual([]);
  });

  it('refuse length before parsing, and tokens while parsing', () => {
    expect(broken(`{ users { ${'name '.repeat(500)}} }`)).toEqual(['length']);
    expect(broken(`{ users { ${'name '.repeat(250)}} }`)).toEqual(['tokens']);
  });

  it('count depth through fragments, not the fragments themselves', () => {
    expect(broken('{ users { ...F } } fragment F on User { friends { friends { id } } }')).toEqual(
      [],
    );
    expect(
      broken('{ users { ...F } } fragment F on User { friends { friends { friends { id } } } }'),
    ).toEqual(['depth']);
  });

  it('count aliases, root fields and directives, fragments included', () => {
    expect(
      broken('{ a: users { id } ...R } fragment R on Query { b: users { id } c: users { id } }'),
    ).toEqual(['aliases']);
    expect(
      broken(
        '{ users { id } ...R } fragment R on Query { user { id } u: user { id } v: __typename }',
      ),
    ).toEqual(['rootFields']);
    expect(
      broken('{ users @skip(if: false) @include(if: true) { id @include(if: true) } }'),
    ).toEqual(['directives']);
  });

  it('stop on fragment cycles, which validation refuses after', () => {
    expect(
      broken('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A users { id } }'),
    ).toEqual([]);
  });

  it('refuse with BAD_USER_INPUT, naming the limit and its value', () => {
    const document = parseWithinLimits(
      '{ a: users { id } b: users { id } c: users { id } }',
      limits,
    );
    const [error] = validate(schema, document, documentLimitRules(limits));
    expect(error?.message).toBe('Aliases limit of 2 exceeded, found 3.');
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'aliases', max: 2 });
  });

  it('default to limits a full introspection query passes, as Sandbox sends it', () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const document = parseWithinLimits(query, DEFAULT_DOCUMENT_LIMITS);
    expect(validate(schema, document, documentLimitRules(DEFAULT_DOCUMENT_LIMITS))).toEqual([]);
  });
});
