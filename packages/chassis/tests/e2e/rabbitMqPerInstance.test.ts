import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/bus/EventBus.ts';
import { RabbitMqBus, type RabbitMqBusOptions } from '../../src/bus/RabbitMqBus.ts';
import { aMessage, eventually, testLogger, uniqueSuffix } from '../busTestKit.ts';
import { amqpUrl, BusBrokerAdmin } from './busBrokerAdmin.ts';
import { BusTcpProxy } from './busTcpProxy.ts';

const run = uniqueSuffix();
const exchange = `test.bus.instance.${run}`;

describe('RabbitMqBus perInstance delivery', () => {
  let admin: BusBrokerAdmin;
  let proxy: BusTcpProxy;
  const buses: RabbitMqBus[] = [];
  let brokerUnreachable: unknown;

  async function connectBus(options: Partial<RabbitMqBusOptions> = {}): Promise<RabbitMqBus> {
    const bus = await RabbitMqBus.connect({
      url: amqpUrl,
      logger: testLogger,
      exchange,
      connectTimeoutMs: 5000,
      reconnectDelayMs: 100,
      connectionName: `bus-instance-test-${run}`,
      ...options,
    });
    buses.push(bus);
    return bus;
  }

  beforeAll(async () => {
    try {
      admin = await BusBrokerAdmin.connect();
    } catch (error) {
      brokerUnreachable = error;
      return;
    }
    admin.forgetExchange(exchange);
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

  it('gives every instance every message; a failed one is dropped, not retried', async () => {
    const name = `test.${run}.notify`;
    const seen: Message[][] = [[], []];
    let failures = 0;
    for (const messages of seen) {
      const bus = await connectBus();
      await bus.subscribe({
        name,
        topics: ['test.#'],
        delivery: 'perInstance',
        handler: async (message) => {
          if (message.payload === 'bad') {
            failures += 1;
            throw new Error('cannot notify');
          }
          messages.push(message);
        },
      });
    }
    const publisher = await connectBus();
    await publisher.publish([aMessage().withPayload('bad').build()]);
    await publisher.publish([aMessage().withPayload('one').build(), aMessage().build()]);

    await eventually('both instances got both good messages', () =>
      seen.every((messages) => messages.length === 2),
    );
    expect(failures).toBe(2);
  });

  it('keeps what was published while an instance was reconnecting', async () => {
    const received: Message[] = [];
    const listener = await connectBus({ url: proxy.urlFor(amqpUrl) });
    await listener.subscribe({
      name: `test.${run}.reconnecting`,
      topics: ['test.#'],
      delivery: 'perInstance',
      handler: async (message) => void received.push(message),
    });
    const publisher = await connectBus();
    proxy.refuse = true;
    proxy.dropConnections();
    await eventually('the listener noticed', () => !listener.isConnected());
    const during = aMessage().withPayload('while away').build();
    await publisher.publish([during]);
    proxy.refuse = false;
    await eventually('the message published meanwhile', () =>
      received.some((message) => message.id === during.id),
    );
  });
});
