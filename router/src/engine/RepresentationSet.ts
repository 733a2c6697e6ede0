import type { DataObject } from './fetchData.ts';

/**
 * A step of the trie: the field every representation reaching it has next, the step after each
 * of that field's values, and the index of the representation that ends here.
 */
interface Step {
  field?: string;
  next?: Map<unknown, Step>;
  index?: number;
}

/**
 * The distinct representations of an entity fetch, each with the entities it stands for: an
 * entity fetch sends each one once and merges its answer into all of them.
 *
 * Representations are told apart by a trie keyed by their raw scalar values, field after
 * field, so telling a repeated one apart allocates nothing. Building a string key per
 * entity instead was the largest source of garbage in the engine. Representations holding
 * objects or lists (composite keys, `@requires` of objects), or whose fields differ from those
 * of others with the same values so far, are rare and keyed by their JSON instead.
 */
export class RepresentationSet {
  readonly representations: DataObject[] = [];
  /** The entities of each representation, by its index. */
  readonly entities: DataObject[][] = [];
  readonly #trie: Step = {};
  #byJson: Map<string, number> | undefined;

  get size(): number {
    return this.representations.length;
  }

  /** Adds `entity`, which `representation` stands for. */
  add(representation: DataObject, entity: DataObject): void {
    const index = this.#indexOf(representation);
    if (index < this.representations.length) {
      (this.entities[index] as DataObject[]).push(entity);
    } else {
      this.representations.push(representation);
      this.entities.push([entity]);
    }
  }

  /** The index of `representation`, or the next free one after recording it there. */
  #indexOf(representation: DataObject): number {
    let step = this.#trie;
    for (const field in representation) {
      const value = representation[field];
      if (typeof value === 'object' && value !== null) return this.#indexOfJson(representation);
      step.field ??= field;
      if (step.field !== field) return this.#indexOfJson(representation);
      step.next ??= new Map();
      let next = step.next.get(value);
      if (next === undefined) {
        next = {};
        step.next.set(value, next);
      }
      step = next;
    }
    step.index ??= this.representations.length;
    return step.index;
  }

  #indexOfJson(representation: DataObject): number {
    this.#byJson ??= new Map();
    const key = JSON.stringify(representation);
    const index = this.#byJson.get(key);
    if (index !== undefined) return index;
    this.#byJson.set(key, this.representations.length);
    return this.representations.length;
  }
}
