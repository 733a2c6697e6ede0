import type { EventBus } from '../bus/EventBus.ts';
import { busDefaults } from '../bus/busDefaults.ts';
import { RabbitMqBus } from '../bus/RabbitMqBus.ts';
import type { ServiceMetrics } from '../metrics/ServiceMetrics.ts';
import { InstrumentedBus } from './InstrumentedBus.ts';

/**
 * The bus a service runtime hands out: `bus` traced and counted for this service. A bus shared
 * by several services of one process is wrapped once per service, so each one's messages are
 * counted in its own metrics.
 */
export function instrumentRuntimeBus(bus: EventBus, metrics: ServiceMetrics): InstrumentedBus {
  return new InstrumentedBus({
    bus,
    metrics,
    system: bus instanceof RabbitMqBus ? 'rabbitmq' : 'in-process',
    exchange: busDefaults.exchange,
    defaultRetry: busDefaults.retry,
  });
}
