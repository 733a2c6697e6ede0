import { afterAll, beforeAll, beforeEach } from 'vitest';
import { RabbitMqBus, type RabbitMqBusOptions } from '../../src/bus/RabbitMqBus.ts';
import { testLogger } from '../busTestKit.ts';
import { amqpUrl, BusBrokerAdmin } from './busBrokerAdmin.ts';
import { BusTcpProxy } from './busTcpProxy.ts';

export interface BrokerSuite {
  /** An operator's connection beside the buses; deletes what the suite declared at the end. */
  readonly admin: BusBrokerAdmin;
  /** A TCP relay in front of the broker, whose connections a test can cut. */
  readonly proxy: BusTcpProxy;
  /** A bus on the suite's exchange (and settings), closed when the suite ends. */
  connectBus(options?: Partial<RabbitMqBusOptions>): Promise<RabbitMqBus>;
}

/**
 * The hooks every suite against the real RabbitMQ needs: an admin connection and a TCP relay
 * before it, the suite's exchange and buses cleaned up after it. Without a reachable broker
 * every test fails, rather than being skipped with the suite.
 */
export function useBrokerSuite(
  settings: Partial<RabbitMqBusOptions> & { exchange: string },
): BrokerSuite {
  let admin: BusBrokerAdmin | undefined;
  let proxy: BusTcpProxy | undefined;
  let brokerUnreachable: unknown;
  const buses: RabbitMqBus[] = [];

  beforeAll(async () => {
    try {
      admin = await BusBrokerAdmin.connect();
    } catch (error) {
      brokerUnreachable = error;
      return;
    }
    admin.forgetExchange(settings.exchange);
    proxy = await BusTcpProxy.start(amqpUrl);
  });

  beforeEach(() => {
    if (brokerUnreachable !== undefined) {
      throw new Error('RabbitMQ is required at AMQP_URL', { cause: brokerUnreachable });
    }
  });

  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await proxy?.close();
    await admin?.cleanUp();
  });

  return {
    get admin() {
      if (!admin) throw new Error('the broker suite has not started');
      return admin;
    },
    get proxy() {
      if (!proxy) throw new Error('the broker suite has not started');
      return proxy;
    },
    async connectBus(options = {}) {
      const bus = await RabbitMqBus.connect({
        url: amqpUrl,
        logger: testLogger,
        connectTimeoutMs: 5000,
        reconnectDelayMs: 100,
        ...settings,
        ...options,
      });
      buses.push(bus);
      return bus;
    },
  };
}
