import { connect } from 'amqplib';

/** Marks the copies, so the duplicator does not copy its own copies again. */
const COPY_HEADER = 'x-test-copy';

export interface Duplicator {
  /** Copies published so far, by message type. */
  readonly copies: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

/**
 * Makes RabbitMQ deliver every message published on `topics` twice: a private queue sees each
 * one and publishes it again to the exchange, byte for byte with the same message id, as a
 * publisher re-sending after a lost confirm would. Every second copy waits `lateMs` first, so
 * subscribers get both a duplicate racing the original and one long after it. For tests.
 */
export async function duplicateEveryMessage(
  amqpUrl: string,
  topics: readonly string[],
  { exchange = 'play-economy', lateMs = 500 } = {},
): Promise<Duplicator> {
  const connection = await connect(amqpUrl);
  const channel = await connection.createConfirmChannel();
  await channel.assertExchange(exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  for (const topic of topics) await channel.bindQueue(queue, exchange, topic);
  const copies = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let seen = 0;
  await channel.consume(
    queue,
    (delivery) => {
      if (!delivery || delivery.properties.headers?.[COPY_HEADER] !== undefined) return;
      const { properties, fields, content } = delivery;
      const copy = () => {
        channel.publish(exchange, fields.routingKey, content, {
          messageId: properties.messageId,
          type: properties.type,
          contentType: properties.contentType,
          timestamp: properties.timestamp,
          persistent: true,
          headers: { ...properties.headers, [COPY_HEADER]: 'true' },
        });
        copies.set(fields.routingKey, (copies.get(fields.routingKey) ?? 0) + 1);
      };
      if (seen++ % 2 === 0) {
        copy();
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        copy();
      }, lateMs);
      timers.add(timer);
    },
    { noAck: true },
  );
  return {
    copies,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      await connection.close();
    },
  };
}
