import { AmqpConnectionManagerClass } from 'amqp-connection-manager';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage, MessagePropertyHeaders, Options } from 'amqplib';
import type { Logger } from '../logging/createLogger.ts';
import { busDefaults } from './busDefaults.ts';
import type { EventBus, Message, MessageHandler, RetryPolicy, Subscription } from './EventBus.ts';
import { parseMessage } from './parseMessage.ts';
import { parseByContract, type MessageContract } from '../messages/defineMessage.ts';
import { PER_INSTANCE_QUEUE_EXPIRES_MS, perInstanceQueueName } from './perInstanceQueue.ts';
import { rabbitMqHeaders } from './rabbitMqHeaders.ts';
import {
  QUORUM_DELIVERY_LIMIT,
  rabbitMqQueueArguments,
  rabbitMqTopology,
  type RabbitMqQueueKind,
  type RabbitMqQueueType,
  type RabbitMqTopology,
} from './rabbitMqTopology.ts';
import { waitForInFlight } from './waitForInFlight.ts';

export interface RabbitMqBusOptions {
  /** `amqp://user:password@host:5672/vhost` */
  url: string;
  logger: Logger;
  /** The durable topic exchange to publish to and bind from. Defaults to `play-economy`. */
  exchange?: string;
  /** Retry policy of subscriptions that do not set their own. Defaults to 5 retries from 1 s. */
  retry?: RetryPolicy;
  /** Prefetch of subscriptions that do not set their own. Defaults to 16. */
  prefetch?: number;
  /** How long `publish()` waits for a publisher confirm, across reconnects. Defaults to 10 s. */
  publishTimeoutMs?: number;
  /** How long `connect()` waits for the first connection before rejecting. Defaults to 10 s. */
  connectTimeoutMs?: number;
  /** Pause between reconnection attempts. Defaults to 1 s. */
  reconnectDelayMs?: number;
  /** AMQP heartbeat; a silent broker is declared dead after about twice this. Defaults to 5 s. */
  heartbeatSeconds?: number;
  /** Shown in the management UI's connection list, e.g. the service name. */
  connectionName?: string;
  /** How long `stopConsuming()` waits for handlers in flight. Defaults to 5 s. */
  inFlightTimeoutMs?: number;
  /**
   * Type of the queues of shared subscriptions (`<name>`, its retry path and
   * `dead_letter.<name>`): `quorum` for a cluster, where they are replicated and survive the
   * loss of a node; `classic` (default) keeps each on one node. `perInstance` queues are always
   * classic. A queue keeps the type it was created with: see "Moving to quorum queues" in
   * docs/operations.md for an existing deployment.
   */
  queueType?: RabbitMqQueueType;
  /**
   * Quorum queues: deliveries of one message that come back unsettled (its consumer died or was
   * stopped with it) before the broker dead-letters it to `dead_letter.<name>` instead of
   * delivering it again. Defaults to {@link QUORUM_DELIVERY_LIMIT}.
   */
  deliveryLimit?: number;
}

/** The longest `x-last-error` kept: AMQP header tables are limited to 64 KiB in all. */
const MAX_ERROR_LENGTH = 1000;

interface Consumer {
  readonly name: string;
  readonly handler: MessageHandler;
  /** When set, every payload is parsed with its type's contract before the handler sees it. */
  readonly contracts: readonly MessageContract[] | undefined;
  readonly retry: RetryPolicy;
  readonly topology: RabbitMqTopology;
  /** Shared or per-instance, and how its queues are declared. */
  readonly queues: RabbitMqQueueKind;
  /** False for a `perInstance` subscription without a retry policy: a failure drops the message. */
  readonly retried: boolean;
  readonly wrapper: ChannelWrapper;
  /** The channel currently consuming; replaced by the setup function after each reconnect. */
  current?: { channel: ConfirmChannel; consumerTag: string };
}

type DeadLetterReason = 'retries-exhausted' | 'malformed';

/**
 * The {@link EventBus} on RabbitMQ. One durable topic exchange; per subscription a durable
 * queue `<name>`, a retry path `retry.<name>.<delay>ms` (one queue per backoff level, see
 * {@link rabbitMqTopology}) and `dead_letter.<name>`. Publishing uses a confirm channel, so
 * `publish()` resolves only once the broker has the messages. Consumers ack manually, after the
 * handler settles; a failed delivery is first copied (with publisher confirm) to the retry or
 * dead-letter queue and only then acked, so a crash in between duplicates, never loses.
 *
 * `amqp-connection-manager` reconnects after a dropped connection or broker restart and reruns
 * each channel's setup function, which re-declares the topology and resumes consuming.
 */
export class RabbitMqBus implements EventBus {
  readonly #manager: AmqpConnectionManagerClass;
  readonly #publisher: ChannelWrapper;
  readonly #logger: Logger;
  readonly #exchange: string;
  readonly #defaultRetry: RetryPolicy;
  readonly #defaultPrefetch: number;
  readonly #publishTimeoutMs: number;
  readonly #reconnectDelayMs: number;
  readonly #inFlightTimeoutMs: number;
  readonly #queueType: RabbitMqQueueType;
  readonly #deliveryLimit: number;
  readonly #consumers: Consumer[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  /** Set once consuming stopped for good; publishing goes on until `#closing`. */
  #stopping?: Promise<void>;
  #closing?: Promise<void>;

  /** Connects and declares the exchange; rejects if the broker is not reachable in time. */
  static async connect(options: RabbitMqBusOptions): Promise<RabbitMqBus> {
    const bus = new RabbitMqBus(options);
    const timeoutMs = options.connectTimeoutMs ?? 10_000;
    try {
      await bus.#manager.connect({ timeout: timeoutMs });
      await withTimeout(bus.#publisher.waitForConnect(), timeoutMs, 'publish channel setup');
    } catch (error) {
      await bus.#manager.close().catch(() => undefined);
      throw new Error(`RabbitMQ not reachable at ${redact(options.url)}`, { cause: error });
    }
    return bus;
  }

  private constructor(options: RabbitMqBusOptions) {
    this.#logger = options.logger.child({ component: 'bus', engine: 'rabbitmq' });
    this.#exchange = options.exchange ?? busDefaults.exchange;
    this.#defaultRetry = options.retry ?? busDefaults.retry;
    this.#defaultPrefetch = options.prefetch ?? busDefaults.prefetch;
    this.#publishTimeoutMs = options.publishTimeoutMs ?? 10_000;
    this.#reconnectDelayMs = options.reconnectDelayMs ?? 1000;
    this.#inFlightTimeoutMs = options.inFlightTimeoutMs ?? busDefaults.inFlightTimeoutMs;
    this.#queueType = options.queueType ?? 'classic';
    this.#deliveryLimit = options.deliveryLimit ?? QUORUM_DELIVERY_LIMIT;
    const broker = redact(options.url);
    this.#manager = new AmqpConnectionManagerClass(options.url, {
      heartbeatIntervalInSeconds: options.heartbeatSeconds ?? 5,
      reconnectTimeInSeconds: this.#reconnectDelayMs / 1000,
      connectionOptions: {
        clientProperties: { connection_name: options.connectionName ?? 'play-economy' },
      },
    });
    this.#manager.on('connect', () => this.#logger.info({ broker }, 'connected to RabbitMQ'));
    this.#manager.on('disconnect', ({ err }: { err?: Error }) => {
      if (!this.#closing) this.#logger.warn({ broker, err }, 'disconnected from RabbitMQ');
    });
    this.#manager.on('connectFailed', ({ err }: { err: Error }) =>
      this.#logger.warn({ broker, err }, 'could not connect to RabbitMQ; will retry'),
    );
    this.#manager.on('blocked', ({ reason }: { reason: string }) =>
      this.#logger.warn({ reason }, 'RabbitMQ blocked publishing'),
    );
    this.#manager.on('unblocked', () => this.#logger.info('RabbitMQ unblocked publishing'));
    this.#publisher = this.#manager.createChannel({
      name: 'publish',
      confirm: true,
      setup: async (channel: ConfirmChannel) => {
        this.#watch(channel, 'publish');
        await channel.assertExchange(this.#exchange, 'topic', { durable: true });
      },
    });
    this.#publisher.on('error', (err: Error) =>
      this.#logger.error({ err }, 'publish channel failed'),
    );
  }

  /**
   * Publishes each message persistently with routing key `message.type` and resolves once the
   * broker confirmed all of them. While disconnected, messages wait for the reconnection up to
   * `publishTimeoutMs`; a nack or timeout rejects (the caller, usually the outbox relay, will
   * publish again, so a consumer may see a message twice but never miss one).
   */
  async publish(messages: readonly Message[]): Promise<void> {
    if (this.#closing) throw new Error('RabbitMqBus is closed');
    const checked = messages.map(parseMessage);
    await Promise.all(
      checked.map(async (message) => {
        try {
          await this.#publisher.publish(
            this.#exchange,
            message.type,
            Buffer.from(JSON.stringify(message)),
            { ...wireProperties(message), timeout: this.#publishTimeoutMs },
          );
        } catch (error) {
          throw new Error(`message ${message.id} (${message.type}) was not confirmed`, {
            cause: error,
          });
        }
      }),
    );
  }

  /**
   * Declares the subscription's queues and bindings and starts consuming. Several calls with
   * the same name are competing consumers of one queue. Resolves once consuming.
   */
  async subscribe<TPayload>(subscription: Subscription<TPayload>): Promise<string> {
    if (this.#closing) throw new Error('RabbitMqBus is closed');
    if (this.#stopping) throw new Error('RabbitMqBus has stopped consuming');
    const retry = subscription.retry ?? this.#defaultRetry;
    const prefetch = subscription.prefetch ?? this.#defaultPrefetch;
    const perInstance = subscription.delivery === 'perInstance';
    const name = perInstance ? perInstanceQueueName(subscription.name) : subscription.name;
    // A live notification is not worth a retry unless its subscriber asks for one.
    const retried = !perInstance || subscription.retry !== undefined;
    const consumer: Consumer = {
      name,
      handler: subscription.handler as MessageHandler,
      contracts: subscription.contracts,
      retry,
      topology: rabbitMqTopology(name, retry),
      queues: perInstance
        ? {
            kind: 'perInstance',
            expiresAfterMs: subscription.expiresAfterMs ?? PER_INSTANCE_QUEUE_EXPIRES_MS,
          }
        : { kind: 'shared', type: this.#queueType, deliveryLimit: this.#deliveryLimit },
      retried,
      wrapper: this.#manager.createChannel({ name: `consume ${name}`, confirm: true }),
    };
    consumer.wrapper.on('error', (err: Error) => {
      // Setup cut short by a dropped connection simply runs again on the next one.
      const interrupted = /Channel ended|Connection closed|Channel closed/.test(err.message);
      this.#logger[interrupted ? 'warn' : 'error'](
        { queue: consumer.name, err },
        interrupted ? 'consumer setup interrupted by a disconnection' : 'consumer setup failed',
      );
    });
    let abandoned = false;
    const declareAndConsume = async (channel: ConfirmChannel): Promise<void> => {
      await this.#declare(channel, consumer, subscription.topics);
      // Also on the setup rerun after a reconnection: a stopped bus resumes publishing only.
      if (this.#stopping) return;
      await channel.prefetch(prefetch);
      const { consumerTag } = await channel.consume(consumer.topology.queue, (delivery) => {
        if (delivery) this.#onDelivery(consumer, channel, delivery);
        else this.#onCancelledByBroker(consumer, channel, declareAndConsume);
      });
      consumer.current = { channel, consumerTag };
      // stopConsuming() ran while this consumer was being set up, too late to see its tag.
      if (this.#stopping) await cancelConsumer(consumer.current);
    };
    // Runs on this channel now and on every channel the wrapper opens after a reconnection.
    const setup = async (channel: ConfirmChannel): Promise<void> => {
      this.#watch(channel, consumer.name, () => !abandoned);
      await declareAndConsume(channel);
    };
    try {
      // Wait for the wrapper's channel so addSetup runs `setup` now and reports its failure.
      await consumer.wrapper.waitForConnect();
      await consumer.wrapper.addSetup(setup);
    } catch (error) {
      abandoned = true;
      await consumer.wrapper.close().catch(() => undefined);
      throw error;
    }
    this.#consumers.push(consumer);
    this.#logger.info(
      { queue: consumer.name, topics: subscription.topics, prefetch, retry: retried && retry },
      'subscribed',
    );
    return consumer.name;
  }

  isConnected(): boolean {
    return !this.#closing && this.#manager.isConnected();
  }

  /**
   * Cancels every consumer and waits (up to `inFlightTimeoutMs`) for handlers in flight to finish
   * and settle their messages, on channels left open for that. The connection stays, and with
   * it publishing, also across reconnections, which no longer resume consuming.
   */
  stopConsuming(): Promise<void> {
    this.#stopping ??= (async () => {
      await Promise.all(
        this.#consumers.map(async ({ current }) => {
          if (current) await cancelConsumer(current);
        }),
      );
      if (!(await waitForInFlight(this.#inFlight, this.#inFlightTimeoutMs))) {
        this.#logger.warn(
          { running: this.#inFlight.size, timeoutMs: this.#inFlightTimeoutMs },
          'handlers still running after consuming stopped; their messages return to the queue',
        );
      }
    })();
    return this.#stopping;
  }

  /**
   * {@link stopConsuming} if not done yet, then closes the channels and the connection.
   * Unsettled messages return to their queues.
   */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.stopConsuming();
      await this.#manager.close();
      this.#logger.info('RabbitMQ bus closed');
    })();
    return this.#closing;
  }

  /**
   * Declares the exchange, the consumer's queues (without a retry path when it is not retried)
   * and the bindings; see {@link rabbitMqQueueArguments} for the arguments and why.
   */
  async #declare(channel: ConfirmChannel, consumer: Consumer, topics: string[]) {
    const { topology } = consumer;
    const queueArguments = rabbitMqQueueArguments(topology, consumer.queues);
    await channel.assertExchange(this.#exchange, 'topic', { durable: true });
    await this.#assertQueue(channel, consumer, topology.queue, queueArguments.queue);
    if (consumer.retried) {
      await this.#assertQueue(
        channel,
        consumer,
        topology.deadLetterQueue,
        queueArguments.deadLetterQueue,
      );
      for (const { queue, delayMs } of topology.retryQueues) {
        await this.#assertQueue(channel, consumer, queue, queueArguments.retryQueue(delayMs));
      }
    }
    for (const topic of topics) await channel.bindQueue(topology.queue, this.#exchange, topic);
  }

  async #assertQueue(
    channel: ConfirmChannel,
    consumer: Consumer,
    queue: string,
    queueArguments: Record<string, unknown>,
  ) {
    try {
      await channel.assertQueue(queue, { durable: true, arguments: queueArguments });
    } catch (error) {
      if (!isPreconditionFailed(error)) throw error;
      // Surfaces as the reason a service did not start: say what the operator can do. (The
      // broker names the first argument that differs, not necessarily x-queue-type.)
      throw new Error(
        `queue ${queue} exists on the broker with other arguments than this bus declares ` +
          `(${describeKind(consumer.queues)}): ${(error as Error).message}. A queue keeps the ` +
          'type and arguments it was created with: a classic queue cannot become a quorum ' +
          'queue, nor back. Drain and delete the old queue so that it is declared anew, or keep ' +
          'the previous setting (RABBITMQ_QUORUM_QUEUES, RABBITMQ_DELIVERY_LIMIT) until you ' +
          'migrate; see "Moving to quorum queues" in the README.',
        { cause: error },
      );
    }
  }

  /**
   * A queue that expires when unused counts as used only while consumed or declared, and
   * nothing consumes a retry or dead-letter queue: declare them again before a move into one,
   * so it cannot have expired with the message about to go there.
   */
  async #renewLease(channel: ConfirmChannel, consumer: Consumer) {
    if (consumer.queues.kind !== 'perInstance') return;
    await this.#declare(channel, consumer, []);
  }

  #onDelivery(consumer: Consumer, channel: ConfirmChannel, delivery: ConsumeMessage): void {
    if (this.#stopping) {
      // Arrived between stopConsuming() and the broker's cancel-ok: hand it back untouched.
      settle(() => channel.nack(delivery, false, true));
      return;
    }
    const work = this.#process(consumer, channel, delivery)
      .catch((err: unknown) =>
        this.#logger.error({ queue: consumer.name, err }, 'could not settle a delivery'),
      )
      .finally(() => this.#inFlight.delete(work));
    this.#inFlight.add(work);
  }

  async #process(consumer: Consumer, channel: ConfirmChannel, delivery: ConsumeMessage) {
    const attempt = readAttempt(delivery.properties.headers);
    let message: Message;
    try {
      message = parseMessage(JSON.parse(delivery.content.toString('utf8')));
      if (consumer.contracts) message = parseByContract(consumer.contracts, message);
    } catch (error) {
      if (!consumer.retried) {
        // A per-instance queue without retry has no dead-letter twin to keep it in.
        this.#logger.warn(
          { queue: consumer.name, messageId: delivery.properties.messageId, err: error },
          'malformed message on a per-instance queue; dropped',
        );
        settle(() => channel.ack(delivery));
        return;
      }
      await this.#deadLetter(consumer, channel, delivery, attempt, error, 'malformed');
      return;
    }
    try {
      await consumer.handler(message, { attempt, redelivered: delivery.fields.redelivered });
    } catch (error) {
      if (!consumer.retried) {
        // A notification nobody could use: there is no one to retry it for.
        this.#logger.warn(
          { queue: consumer.name, messageId: message.id, type: message.type, err: error },
          'per-instance handler failed; message dropped',
        );
        settle(() => channel.ack(delivery));
        return;
      }
      if (attempt < consumer.retry.maxRetries) {
        await this.#retry(consumer, channel, delivery, message, attempt, error);
      } else {
        await this.#deadLetter(consumer, channel, delivery, attempt, error, 'retries-exhausted');
      }
      return;
    }
    settle(() => channel.ack(delivery));
  }

  async #retry(
    consumer: Consumer,
    channel: ConfirmChannel,
    delivery: ConsumeMessage,
    message: Message,
    attempt: number,
    error: unknown,
  ) {
    const level = consumer.topology.retryQueues[attempt];
    if (!level) throw new Error(`no retry queue for attempt ${attempt}`);
    const headers = {
      ...ownHeaders(delivery.properties.headers),
      [rabbitMqHeaders.attempt]: attempt + 1,
      [rabbitMqHeaders.lastError]: describe(error),
      // Back from the retry path, the routing key is the queue name; keep the topic.
      [rabbitMqHeaders.originalRoutingKey]: originalRoutingKey(delivery),
    };
    this.#logger.warn(
      { queue: consumer.name, messageId: message.id, type: message.type, attempt, err: error },
      `handler failed; retrying in ${level.delayMs} ms`,
    );
    await this.#renewLease(channel, consumer);
    await this.#moveTo(channel, delivery, level.queue, headers);
  }

  async #deadLetter(
    consumer: Consumer,
    channel: ConfirmChannel,
    delivery: ConsumeMessage,
    attempt: number,
    error: unknown,
    reason: DeadLetterReason,
  ) {
    const headers: MessagePropertyHeaders = {
      ...ownHeaders(delivery.properties.headers),
      [rabbitMqHeaders.attempts]: attempt + 1,
      [rabbitMqHeaders.lastError]: describe(error),
      [rabbitMqHeaders.deadLetterReason]: reason,
      [rabbitMqHeaders.deadLetteredAt]: new Date().toISOString(),
      [rabbitMqHeaders.originalRoutingKey]: originalRoutingKey(delivery),
    };
    delete headers[rabbitMqHeaders.attempt];
    this.#logger.error(
      {
        queue: consumer.name,
        messageId: delivery.properties.messageId,
        type: delivery.properties.type,
        attempts: attempt + 1,
        reason,
        err: error,
      },
      `message dead-lettered to ${consumer.topology.deadLetterQueue}`,
    );
    await this.#renewLease(channel, consumer);
    await this.#moveTo(channel, delivery, consumer.topology.deadLetterQueue, headers);
  }

  /** Copies a delivery to `queue` with publisher confirm, then acks the original. */
  async #moveTo(
    channel: ConfirmChannel,
    delivery: ConsumeMessage,
    queue: string,
    headers: MessagePropertyHeaders,
  ) {
    const { properties } = delivery;
    const options: Options.Publish = {
      persistent: true,
      contentType: properties.contentType ?? 'application/json',
      headers,
    };
    if (properties.messageId !== undefined) options.messageId = properties.messageId;
    if (properties.type !== undefined) options.type = properties.type;
    if (properties.timestamp !== undefined) options.timestamp = properties.timestamp;
    try {
      await sendConfirmed(channel, queue, delivery.content, options, this.#publishTimeoutMs);
    } catch (error) {
      // Not moved: leave it to the broker, which redelivers it (now, or after reconnecting).
      settle(() => channel.nack(delivery, false, true));
      throw error;
    }
    settle(() => channel.ack(delivery));
  }

  #onCancelledByBroker(
    consumer: Consumer,
    channel: ConfirmChannel,
    declareAndConsume: (channel: ConfirmChannel) => Promise<void>,
  ) {
    // The broker cancels a consumer when its queue is deleted; declare it again and resume.
    this.#logger.warn({ queue: consumer.name }, 'consumer cancelled by the broker; resubscribing');
    setTimeout(() => {
      if (this.#stopping || consumer.current?.channel !== channel) return;
      declareAndConsume(channel).catch((err: unknown) =>
        this.#logger.error({ queue: consumer.name, err }, 'could not resubscribe'),
      );
    }, this.#reconnectDelayMs).unref();
  }

  /**
   * amqp-connection-manager only replaces channels when the connection drops. If the broker
   * closes one channel on its own (a channel-level error), reconnect so every setup reruns.
   */
  #watch(channel: ConfirmChannel, name: string, wanted: () => boolean = () => true) {
    const connection = this.#manager.connection;
    channel.on('error', (err: Error) =>
      this.#logger.error({ channel: name, err }, 'channel error'),
    );
    channel.on('close', () => {
      setTimeout(() => {
        if (this.#closing || !wanted()) return;
        // A dropped connection closes every channel; the manager is already on it.
        if (!connection || this.#manager.connection !== connection) return;
        this.#logger.warn({ channel: name }, 'channel closed by the broker; reconnecting');
        this.#manager.reconnect();
      }, this.#reconnectDelayMs).unref();
    });
  }
}

async function cancelConsumer({
  channel,
  consumerTag,
}: {
  channel: ConfirmChannel;
  consumerTag: string;
}): Promise<void> {
  await withTimeout(channel.cancel(consumerTag), 5000, 'cancel').catch(
    () => undefined, // A dead channel delivers nothing more anyway.
  );
}

/** AMQP properties of a published message; body and properties carry the same facts. */
function wireProperties(message: Message): Options.Publish {
  return {
    persistent: true,
    contentType: 'application/json',
    messageId: message.id,
    type: message.type,
    // AMQP timestamps are whole seconds since the epoch.
    timestamp: Math.floor(Date.parse(message.occurredAt) / 1000),
    headers: { ...message.headers },
  };
}

function originalRoutingKey(delivery: ConsumeMessage): string {
  const recorded: unknown = delivery.properties.headers?.[rabbitMqHeaders.originalRoutingKey];
  return typeof recorded === 'string' ? recorded : delivery.fields.routingKey;
}

function readAttempt(headers: MessagePropertyHeaders | undefined): number {
  const value: unknown = headers?.[rabbitMqHeaders.attempt];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

/**
 * Headers worth copying: the broker's own bookkeeping (`x-death`, and the `x-delivery-count` a
 * quorum queue puts on a redelivery) is not.
 */
function ownHeaders(headers: MessagePropertyHeaders | undefined): MessagePropertyHeaders {
  const copy: MessagePropertyHeaders = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (
      key === 'x-death' ||
      key === 'x-delivery-count' ||
      key.startsWith('x-first-death') ||
      key.startsWith('x-last-death')
    ) {
      continue;
    }
    copy[key] = value;
  }
  return copy;
}

/** A queue declared with arguments other than an existing queue's of that name. */
function isPreconditionFailed(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 406;
}

function describeKind(queues: RabbitMqQueueKind): string {
  if (queues.kind === 'perInstance') {
    return 'a per-instance queue';
  }
  return queues.type === 'quorum'
    ? `quorum queues, delivery limit ${queues.deliveryLimit}`
    : 'classic queues';
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

/** Acks and nacks on a channel that has since closed throw; the broker redelivers anyway. */
function settle(action: () => void): void {
  try {
    action();
  } catch {
    // Channel gone: its unacknowledged messages are already back in their queues.
  }
}

function sendConfirmed(
  channel: ConfirmChannel,
  queue: string,
  content: Buffer,
  options: Options.Publish,
  timeoutMs: number,
): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve, reject) => {
      channel.sendToQueue(queue, content, options, (err: unknown) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve();
      });
    }),
    timeoutMs,
    `confirm of a message sent to ${queue}`,
  );
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an invalid AMQP URL';
  }
}
