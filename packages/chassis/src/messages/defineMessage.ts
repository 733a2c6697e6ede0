import type { z } from 'zod';
import type { Message } from '../bus/EventBus.ts';

/**
 * A message type as a contract: its routing key (`<owner>.<aggregate>.<event>`) and the zod
 * schema of its payload. Defined once, by the service that publishes it; publishers build
 * messages from it, and the bus parses every payload with it before a subscriber sees it.
 */
export interface MessageContract<TType extends string = string, TPayload = unknown> {
  /** The routing key, e.g. `catalog.item.updated`. */
  readonly type: TType;
  /** Checks a payload and returns it with only the declared fields. */
  readonly payload: z.ZodType<TPayload>;
  /** A domain event of this type, as aggregates and use cases record it. */
  of(payload: TPayload): DomainEvent<TType, TPayload>;
}

/** A domain event as aggregates record it: a dotted type and its typed payload. */
export interface DomainEvent<TType extends string = string, TPayload = unknown> {
  type: TType;
  payload: TPayload;
}

/** Defines a message type: `defineMessage('catalog.item.deleted', z.object({ id: … }))`. */
export function defineMessage<const TType extends string, TSchema extends z.ZodType>(
  type: TType,
  payload: TSchema,
): MessageContract<TType, z.output<TSchema>> {
  return {
    type,
    payload: payload as z.ZodType<z.output<TSchema>>,
    of: (value) => ({ type, payload: value }),
  };
}

/** The payload type of a contract. */
export type PayloadOf<TContract> =
  TContract extends MessageContract<string, infer TPayload> ? TPayload : never;

/**
 * The message a subscriber to `TContract` receives: for a union of contracts, a union of
 * messages discriminated by `type`.
 */
export type MessageOf<TContract> =
  TContract extends MessageContract<infer TType, infer TPayload>
    ? Message<TPayload> & { type: TType }
    : never;

/** Why a message was refused before any handler saw it. */
export class MalformedMessage extends Error {
  override name = 'MalformedMessage';
}

/**
 * The message with its payload parsed by the contract of its type. Throws
 * {@link MalformedMessage} naming the type and each problem when no contract covers the type
 * or the payload does not match it (a reason outside an enum, a missing field...).
 */
export function parseByContract(contracts: readonly MessageContract[], message: Message): Message {
  const contract = contracts.find(({ type }) => type === message.type);
  if (!contract) {
    throw new MalformedMessage(
      `${message.type} ${message.id}: no contract of this subscriber covers that type (expects ${contracts.map(({ type }) => type).join(', ')})`,
    );
  }
  const parsed = contract.payload.safeParse(message.payload);
  if (parsed.success) return { ...message, payload: parsed.data };
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'payload'}: ${issue.message}`,
  );
  throw new MalformedMessage(
    `${message.type} ${message.id} does not match its contract: ${problems.join('; ')}`,
  );
}
