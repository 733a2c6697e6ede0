import type { MessageContract, MessageOf } from '../messages/defineMessage.ts';
import type { DeliveryInfo, Message, Subscription } from './EventBus.ts';

/** The messages a subscriber reading `TContracts` receives, discriminated by `type`. */
export type Delivered<TContracts extends readonly MessageContract[]> = MessageOf<
  TContracts[number]
>;

/** What a subscriber class declares about itself, as static fields. */
export interface SubscriberKind<TContracts extends readonly MessageContract[]> {
  /** The durable queue, `<service>.<subscriber>`. */
  queue: string;
  /** The contracts of the messages it reads; their routing keys are its topics. */
  messages: TContracts;
  delivery?: Subscription['delivery'];
}

/** A subscriber instance: handles one message, already parsed by its contract, at a time. */
export interface MessageSubscriber<TMessage> {
  handle(message: TMessage, delivery: DeliveryInfo): Promise<void>;
}

/**
 * The bus subscription of a subscriber: its class's declaration (queue, contracts, delivery)
 * and the instance's handler. The bus parses each payload with its contract first, so the
 * handler gets the typed message or nothing (a malformed one is dead-lettered).
 */
export function subscriberOf<const TContracts extends readonly MessageContract[]>(
  kind: SubscriberKind<TContracts>,
  subscriber: MessageSubscriber<Delivered<TContracts>>,
): Subscription {
  return {
    name: kind.queue,
    topics: kind.messages.map(({ type }) => type),
    contracts: kind.messages,
    // The one place the type is asserted: the bus delivers only what `contracts` parsed.
    handler: (message: Message, delivery) =>
      subscriber.handle(message as Delivered<TContracts>, delivery),
    ...(kind.delivery ? { delivery: kind.delivery } : {}),
  };
}
