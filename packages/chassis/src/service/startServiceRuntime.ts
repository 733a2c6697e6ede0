import type { Logger } from 'pino';
import type { EventBus, Message } from '../bus/EventBus.ts';
import { createBus } from '../bus/createBus.ts';
import type { RabbitMqQueueType } from '../bus/rabbitMqTopology.ts';
import { Outbox } from '../bus/Outbox.ts';
import { OutboxRelay } from '../bus/OutboxRelay.ts';
import { UnitOfWork } from '../bus/UnitOfWork.ts';
import type { ReadinessCheck } from '../health/healthRoutes.ts';
import { createLogger } from '../logging/createLogger.ts';
import type { DocumentStore } from '../store/DocumentStore.ts';
import { createStore } from '../store/createStore.ts';
import { ServiceMetrics } from '../metrics/ServiceMetrics.ts';
import type { InstrumentedBus } from '../telemetry/InstrumentedBus.ts';
import { instrumentRuntimeBus } from '../telemetry/instrumentRuntimeBus.ts';
import { drainOutbox } from './drainOutbox.ts';

export interface ServiceRuntimeOptions {
  /** Service name, written on every log line and shown as the broker connection name. */
  service: string;
  /** The database this service owns. */
  database: string;
  /** MongoDB when set, else the embedded engine. */
  mongodbUrl?: string | undefined;
  /** Embedded engine only: keep a journal here so data survives a restart. */
  dataDir?: string | undefined;
  /** RabbitMQ when set, else the in-process bus. */
  amqpUrl?: string | undefined;
  /** RabbitMQ: type of the shared subscriptions' queues (see `busSettingsOf`). */
  queueType?: RabbitMqQueueType | undefined;
  /** RabbitMQ quorum queues: unsettled deliveries before a message is dead-lettered. */
  deliveryLimit?: number | undefined;
  logLevel?: string | undefined;
  /**
   * A bus shared with other services in the same process (embedded mode). The runtime then
   * neither creates nor closes a bus of its own.
   */
  bus?: EventBus | undefined;
}

/** The infrastructure every service stands on, wired the same way everywhere. */
export interface ServiceRuntime {
  logger: Logger;
  store: DocumentStore;
  bus: EventBus;
  /** Transactions whose state changes and outgoing messages commit together. */
  unitOfWork: UnitOfWork;
  /** This service's Prometheus metrics, served at `/metrics`; services add their own. */
  metrics: ServiceMetrics;
  /** Calls `listener` with each message this service published, once the broker confirmed it. */
  onPublished(listener: (message: Message) => void): void;
  /** Readiness checks for `/health/ready`: the store answers and the broker is connected. */
  readiness: Record<string, ReadinessCheck>;
  /**
   * Shuts the runtime down in an order that loses nothing and strands nothing: stops consuming
   * (consumers cancelled, in-flight handlers awaited, bounded, as they commit and ack), so what
   * they record is in the outbox before it is flushed; then publishes what the outbox holds
   * (bounded), stops the relay, closes the bus connection, and last the store. Call it after
   * the HTTP server stopped accepting requests. A bus passed in `options.bus` belongs to the
   * caller, which stops its consuming before closing the services sharing it and closes it
   * after them: this closes neither.
   */
  close(): Promise<void>;
}

/**
 * Opens a service's store and bus, and starts the outbox relay that publishes what its
 * transactions record.
 */
export async function startServiceRuntime(options: ServiceRuntimeOptions): Promise<ServiceRuntime> {
  const logger = createLogger({ service: options.service, level: options.logLevel });
  const store = await createStore({
    mongodbUrl: options.mongodbUrl,
    database: options.database,
    dataDir: options.dataDir,
  });
  const ownsBus = options.bus === undefined;
  const metrics = new ServiceMetrics(options.service);
  let bus: InstrumentedBus;
  try {
    bus = instrumentRuntimeBus(
      options.bus ??
        (await createBus({
          amqpUrl: options.amqpUrl,
          connectionName: options.service,
          queueType: options.queueType,
          deliveryLimit: options.deliveryLimit,
          logger,
        })),
      metrics,
    );
  } catch (error) {
    await store.close();
    throw error;
  }
  const outbox = new Outbox(store);
  const relay = new OutboxRelay({ outbox, bus, logger });
  await relay.start();
  metrics.observe({
    kind: 'gauge',
    name: 'outbox_backlog_messages',
    help: 'Messages recorded in the outbox and not yet confirmed by the broker',
    read: () => relay.pendingCount(),
  });
  logger.info(
    {
      store: store.engine,
      bus: options.amqpUrl ? 'rabbitmq' : 'in-process',
      ...(options.amqpUrl && { queueType: options.queueType ?? 'classic' }),
    },
    'runtime ready',
  );

  return {
    logger,
    store,
    bus,
    metrics,
    onPublished: (listener) => bus.onPublished(listener),
    unitOfWork: new UnitOfWork({ store, outbox, relay }),
    readiness: {
      store: () => store.ping(),
      broker: () => {
        if (!bus.isConnected()) throw new Error('not connected to the message broker');
      },
    },
    async close() {
      // A shared bus (one-process mode) is stopped by its owner, which refuses publishing once
      // consuming has stopped: what is left then waits in the outbox for the next start.
      if (ownsBus) {
        await bus.stopConsuming();
        await drainOutbox(relay, logger);
      }
      await relay.stop();
      if (ownsBus) await bus.close();
      await store.close();
    },
  };
}
