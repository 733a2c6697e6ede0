import { connect, type Channel, type ChannelModel, type GetMessage, type Options } from 'amqplib';
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

  /**
   * The consumers of `queue`, or undefined when there is no such queue; asked on a channel of
   * its own (a passive declaration of a missing queue closes its channel), so it never declares
   * the queue itself.
   */
  async consumerCount(queue: string): Promise<number | undefined> {
    const channel = await this.#connection.createChannel();
    channel.on('error', () => undefined);
    try {
      const { consumerCount } = await channel.checkQueue(queue);
      await channel.close();
      return consumerCount;
    } catch {
      return undefined;
    }
  }

  /**
   * Declares an existing `queue` again, on a channel of its own since a refusal closes it: the
   * broker's refusal (the queue exists with other settings), or undefined when it found the
   * declaration equivalent. Declares the queue if it does not exist.
   */
  async redeclareRefusal(queue: string, options: Options.AssertQueue): Promise<string | undefined> {
    const channel = await this.#connection.createChannel();
    channel.on('error', () => undefined);
    try {
      await channel.assertQueue(queue, options);
      await channel.close();
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
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
