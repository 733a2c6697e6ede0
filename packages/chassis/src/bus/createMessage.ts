import { randomUUID } from 'node:crypto';
import type { MessageContract } from '../messages/defineMessage.ts';
import type { Message } from './EventBus.ts';

/** A new message with a fresh id, stamped with the instant its change happened. */
export function createMessage<TPayload>(
  type: string,
  payload: TPayload,
  occurredAt: Date = new Date(),
): Message<TPayload> {
  return { id: randomUUID(), type, occurredAt: occurredAt.toISOString(), payload };
}

/**
 * A new message of a contract's type, with a payload typed by it: how publishers and tests
 * build messages.
 */
export function messageOf<TType extends string, TPayload>(
  contract: MessageContract<TType, TPayload>,
  payload: TPayload,
  occurredAt: Date = new Date(),
): Message<TPayload> & { type: TType } {
  return { ...createMessage(contract.type, payload, occurredAt), type: contract.type };
}
