import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EventBus, Message } from '../../src/bus/EventBus.ts';
import { InProcessBus } from '../../src/bus/InProcessBus.ts';
import { RabbitMqBus } from '../../src/bus/RabbitMqBus.ts';
import { rabbitMqHeaders } from '../../src/bus/rabbitMqHeaders.ts';
import { createMessage, messageOf } from '../../src/bus/createMessage.ts';
import { subscriberOf } from '../../src/bus/subscriberOf.ts';
import { defineMessage } from '../../src/messages/defineMessage.ts';
import { eventually, testLogger, uniqueSuffix } from '../busTestKit.ts';
import { amqpUrl, BusBrokerAdmin } from '../e2e/busBrokerAdmin.ts';

/** A contract as a service defines one: a routing key and the schema of its payload. */
const ParcelShipped = defineMessage(
  'test.parcel.shipped',
  z.object({ parcelId: z.string().min(1), weight: z.number().int().positive() }),
);

/** A dead letter as each engine keeps it: the message and why it is there. */
interface DeadLetter {
  messageId: string;
  reason: string;
  error: string;
}

interface Engine {
  bus: EventBus;
  /** A subscription name for this run, removed from the broker when the suite ends. */
  queue(name: string): string;
  deadLetters(queue: string): Promise<DeadLetter[]>;
  close(): Promise<void>;
}

const run = uniqueSuffix();
const retry = { maxRetries: 1, initialDelayMs: 20 };

/** The engines of the bus port; every test below runs against each. */
const engines: Record<string, () => Promise<Engine>> = {
  'in-process': async () => {
    const bus = new InProcessBus({ logger: testLogger, retry });
    return {
      bus,
      queue: (queueName) => queueName,
      deadLetters: async (queue) =>
        bus.deadLetters(queue).map(({ message, reason, error }) => ({
          messageId: message.id,
          reason,
          error,
        })),
      close: () => bus.close(),
    };
  },
  rabbitmq: async () => {
    const exchange = `test.contract.${run}`;
    const admin = await BusBrokerAdmin.connect();
    admin.forgetExchange(exchange);
    const bus = await RabbitMqBus.connect({ url: amqpUrl, logger: testLogger, exchange, retry });
    return {
      bus,
      queue(queueName) {
        admin.forgetSubscription(queueName, retry);
        return queueName;
      },
      async deadLetters(queue) {
        const found: DeadLetter[] = [];
        for (;;) {
          const got = await admin.take(`dead_letter.${queue}`);
          if (got === false) return found;
          const headers = got.properties.headers ?? {};
          const body = JSON.parse(got.content.toString('utf8')) as Message;
          found.push({
            messageId: body.id,
            reason: String(headers[rabbitMqHeaders.deadLetterReason]),
            error: String(headers[rabbitMqHeaders.lastError]),
          });
        }
      },
      async close() {
        await bus.close();
        await admin.cleanUp();
      },
    };
  },
};

const started: Engine[] = [];
afterAll(async () => {
  for (const engine of started) await engine.close();
});

describe.each(Object.keys(engines))('the %s bus with message contracts', (name) => {
  const start = async () => {
    const engine = await engines[name]!();
    started.push(engine);
    return engine;
  };

  it('hands the handler the payload its contract parsed, undeclared fields dropped', async () => {
    const { bus, queue: named } = await start();
    const received: unknown[] = [];
    const queue = named(`test.contract_parsed_${run}_${name}`);
    await bus.subscribe(
      subscriberOf(
        { queue, messages: [ParcelShipped] },
        {
          handle: async (message) => {
            received.push(message.payload);
          },
        },
      ),
    );
    await bus.publish([
      createMessage(ParcelShipped.type, { parcelId: 'p-1', weight: 3, note: 'not declared' }),
    ]);
    await eventually('the delivery', () => received.length === 1);
    expect(received).toEqual([{ parcelId: 'p-1', weight: 3 }]);
  });

  it('dead-letters a malformed payload with the reason, and the handler never sees it', async () => {
    const { bus, deadLetters, queue: named } = await start();
    const handled: string[] = [];
    const queue = named(`test.contract_malformed_${run}_${name}`);
    await bus.subscribe(
      subscriberOf(
        { queue, messages: [ParcelShipped] },
        {
          handle: async (message) => {
            handled.push(message.id);
          },
        },
      ),
    );
    const malformed = createMessage(ParcelShipped.type, { parcelId: 'p-2', weight: -1 });
    const wellFormed = messageOf(ParcelShipped, { parcelId: 'p-3', weight: 1 });
    await bus.publish([malformed, wellFormed]);
    await eventually('the well-formed delivery', () => handled.includes(wellFormed.id));
    let letters: DeadLetter[] = [];
    await eventually('the dead letter', async () => {
      letters = [...letters, ...(await deadLetters(queue))];
      return letters.length > 0;
    });
    expect(handled).toEqual([wellFormed.id]);
    expect(letters).toEqual([
      {
        messageId: malformed.id,
        reason: 'malformed',
        error: expect.stringMatching(
          /test\.parcel\.shipped .* does not match its contract: weight/,
        ),
      },
    ]);
  });

  it('never hands a malformed message to a per-instance subscriber either', async () => {
    const { bus, queue: named } = await start();
    const handled: string[] = [];
    const queue = named(`test.contract_live_${run}_${name}`);
    await bus.subscribe(
      subscriberOf(
        { queue, messages: [ParcelShipped], delivery: 'perInstance' },
        {
          handle: async (message) => {
            handled.push(message.id);
          },
        },
      ),
    );
    const malformed = createMessage(ParcelShipped.type, { parcelId: '', weight: 2 });
    const wellFormed = messageOf(ParcelShipped, { parcelId: 'p-4', weight: 2 });
    await bus.publish([malformed, wellFormed]);
    await eventually('the well-formed delivery', () => handled.includes(wellFormed.id));
    expect(handled).toEqual([wellFormed.id]);
  });
});
