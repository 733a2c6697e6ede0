import type { Logger } from '../logging/createLogger.ts';
import type { EventBus } from './EventBus.ts';
import { InProcessBus } from './InProcessBus.ts';
import { RabbitMqBus } from './RabbitMqBus.ts';
import type { RabbitMqQueueType } from './rabbitMqTopology.ts';

export interface CreateBusOptions {
  /** RabbitMQ URL (`AMQP_URL`). When unset the bus runs in process (embedded mode). */
  amqpUrl?: string | undefined;
  /** Topic exchange on RabbitMQ. Defaults to `play-economy`. */
  exchange?: string | undefined;
  /** Shown in RabbitMQ's connection list; usually the service name. */
  connectionName?: string | undefined;
  /** RabbitMQ: type of the shared subscriptions' queues. Defaults to `classic`. */
  queueType?: RabbitMqQueueType | undefined;
  /** RabbitMQ quorum queues: unsettled deliveries before a message is dead-lettered. */
  deliveryLimit?: number | undefined;
  logger: Logger;
}

/**
 * The one place that picks the bus engine: RabbitMQ when a URL is configured, otherwise the
 * in-process bus. Rejects when a URL is set but the broker cannot be reached.
 */
export async function createBus(options: CreateBusOptions): Promise<EventBus> {
  const { amqpUrl, exchange, connectionName, queueType, deliveryLimit, logger } = options;
  if (!amqpUrl) return new InProcessBus({ logger });
  return RabbitMqBus.connect({
    url: amqpUrl,
    logger,
    ...(exchange === undefined ? {} : { exchange }),
    ...(connectionName === undefined ? {} : { connectionName }),
    ...(queueType === undefined ? {} : { queueType }),
    ...(deliveryLimit === undefined ? {} : { deliveryLimit }),
  });
}
