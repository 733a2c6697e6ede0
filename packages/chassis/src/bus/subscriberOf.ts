import type { DeliveryInfo, Message, Subscription } from './EventBus.ts';

/** What a subscriber class declares about itself, as static fields. */
export interface SubscriberKind {
  /** The durable queue, `<service>.<subscriber>`. */
  queue: string;
  /** The routing keys (or patterns) it reads. */
  topics: readonly string[];
  delivery?: Subscription['delivery'];
}

/** A subscriber instance: handles one message at a time. */
export interface MessageSubscriber {
  handle(message: Message, delivery: DeliveryInfo): Promise<void>;
}

/** The bus subscription of a subscriber: its class's declaration and the instance's handler. */
export function subscriberOf(kind: SubscriberKind, subscriber: MessageSubscriber): Subscription {
  return {
    name: kind.queue,
    topics: [...kind.topics],
    handler: (message, delivery) => subscriber.handle(message, delivery),
    ...(kind.delivery ? { delivery: kind.delivery } : {}),
  };
}
