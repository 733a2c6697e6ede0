import { isAbstractType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

/**
 * Answers "is this object of that type?" against the supergraph schema, as fetch inputs and
 * rewrites need it: by the object's `__typename`, an abstract condition matching its subtypes.
 * Answers are memoised, so a request never walks the schema.
 */
export class TypeRelations {
  readonly #schema: GraphQLSchema;
  readonly #answers = new Map<string, Map<string, boolean>>();

  constructor(schema: GraphQLSchema) {
    this.#schema = schema;
  }

  /**
   * Whether `object` is of `typeCondition`; an object without `__typename` gets
   * `whenUnknown`.
   */
  isObjectOfType(
    object: Readonly<Record<string, unknown>>,
    typeCondition: string,
    whenUnknown = false,
  ): boolean {
    const typename = object['__typename'];
    if (typeof typename !== 'string' || typename === '') return whenUnknown;
    if (typename === typeCondition) return true;
    let byType = this.#answers.get(typeCondition);
    if (!byType) {
      byType = new Map();
      this.#answers.set(typeCondition, byType);
    }
    let answer = byType.get(typename);
    if (answer === undefined) {
      answer = this.#isSubtype(typeCondition, typename);
      byType.set(typename, answer);
    }
    return answer;
  }

  #isSubtype(typeCondition: string, typename: string): boolean {
    const type = this.#schema.getType(typename);
    const condition = this.#schema.getType(typeCondition);
    if (!type || !condition || !isAbstractType(condition)) return false;
    return (isObjectType(type) || isInterfaceType(type)) && this.#schema.isSubType(condition, type);
  }
}
