import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** One difference between two API schemas. */
export interface SchemaChange {
  /** graphql-inspector's change type, e.g. `FIELD_REMOVED`. */
  type: string;
  /** What changed, in words. */
  message: string;
  /** The schema coordinate, e.g. `Item.price`. */
  path: string | undefined;
  /** Why it is breaking or dangerous, when graphql-inspector says. */
  reason: string | undefined;
}

/** The changes from one API schema to the next, by how they affect existing clients. */
export interface SchemaChanges {
  /** Existing operations stop working. */
  breaking: SchemaChange[];
  /** Existing operations keep working but may behave differently (e.g. a new enum value). */
  dangerous: SchemaChange[];
  safe: SchemaChange[];
}

/** Diffs two API schema SDLs with `@graphql-inspector/core`. */
export async function diffApiSchemas(
  baselineSdl: string,
  currentSdl: string,
): Promise<SchemaChanges> {
  const changes = await diff(buildSchema(baselineSdl), buildSchema(currentSdl));
  const byLevel = (level: CriticalityLevel): SchemaChange[] =>
    changes
      .filter((change) => change.criticality.level === level)
      .map((change) => ({
        type: String(change.type),
        message: change.message,
        path: change.path,
        reason: change.criticality.reason,
      }));
  return {
    breaking: byLevel(CriticalityLevel.Breaking),
    dangerous: byLevel(CriticalityLevel.Dangerous),
    safe: byLevel(CriticalityLevel.NonBreaking),
  };
}

/** A change as one line: its message and, when known, its schema coordinate. */
export function describeChange(change: SchemaChange): string {
  return change.path ? `${change.message} (${change.path})` : change.message;
}
