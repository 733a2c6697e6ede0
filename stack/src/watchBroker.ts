import { connect } from 'amqplib';
import type { Message } from '@play-economy/chassis';

export interface BrokerWatch {
  /** Every message seen so far, in arrival order. */
  readonly messages: readonly Message<Record<string, unknown>>[];
  /**
   * Resolves with the messages matching `predicate` once there are at least `count` of them;
   * rejects after `timeoutMs`.
   */
  waitFor(
    predicate: (message: Message<Record<string, unknown>>) => boolean,
    count?: number,
    timeoutMs?: number,
  ): Promise<Message<Record<string, unknown>>[]>;
  close(): Promise<void>;
}

/**
 * Watches what services publish on RabbitMQ, as an operator would: a private queue bound to
 * the exchange with the given routing-key patterns. For tests.
 */
export async function watchBroker(
  amqpUrl: string,
  topics: readonly string[],
  exchange = 'play-economy',
): Promise<BrokerWatch> {
  const connection = await connect(amqpUrl);
  const channel = await connection.createChannel();
  await channel.assertExchange(exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  for (const topic of topics) await channel.bindQueue(queue, exchange, topic);
  const messages: Message<Record<string, unknown>>[] = [];
  await channel.consume(
    queue,
    (delivery) => {
      if (delivery) messages.push(JSON.parse(delivery.content.toString('utf8')));
    },
    { noAck: true },
  );
  return {
    messages,
    async waitFor(predicate, count = 1, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = messages.filter(predicate);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) {
          throw new Error(
            `saw ${matching.length} of ${count} expected messages in ${timeoutMs} ms`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => connection.close(),
  };
}
