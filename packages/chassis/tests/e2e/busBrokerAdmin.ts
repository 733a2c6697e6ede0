import { connect, type Channel, type ChannelModel, type GetMessage } from 'amqplib';
import { rabbitMqTopology } from '../../src/bus/rabbitMqTopology.ts';
import type { RetryPolicy } from '../../src/bus/EventBus.ts';

/** The broker the e2e suite runs against. Unreachable means the suite fails, not skips. */
export const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

/**
 * A plain amqplib connection beside the bus under test: to look at queues as an operator would
 * and to delete what a test declared.
 */
export class BusBrokerAdmin {
  readonly #connection: ChannelModel;
  readonly channel: Channel;
  readonly #queues = new Set<string>();
  readonly #exchanges = new Set<string>();

  private constructor(connection: ChannelModel, channel: Channel) {
    this.#connection = connection;
    this.channel = channel;
  }

  static async connect(): Promise<BusBrokerAdmin> {
    const connection = await connect(amqpUrl);
    return new BusBrokerAdmin(connection, await connection.createChannel());
  }

  /** Deletes the subscription's queues (and retry path) at cleanup. */
  forgetSubscription(name: string, retry: RetryPolicy): void {
    const topology = rabbitMqTopology(name, retry);
    for (const queue of [topology.queue, topology.deadLetterQueue]) this.#queues.add(queue);
    for (const { queue } of topology.retryQueues) this.#queues.add(queue);
  }

  forgetQueue(name: string): void {
    this.#queues.add(name);
  }

  forgetExchange(name: string): void {
    this.#exchanges.add(name);
  }

  async messageCount(queue: string): Promise<number> {
    return (await this.channel.checkQueue(queue)).messageCount;
  }

  /** Takes one message off a queue (acknowledged), or `false` when it is empty. */
  async take(queue: string): Promise<GetMessage | false> {
    return this.channel.get(queue, { noAck: true });
  }

  async cleanUp(): Promise<void> {
    for (const queue of this.#queues) await this.channel.deleteQueue(queue);
    for (const exchange of this.#exchanges) await this.channel.deleteExchange(exchange);
    await this.#connection.close();
  }
}
