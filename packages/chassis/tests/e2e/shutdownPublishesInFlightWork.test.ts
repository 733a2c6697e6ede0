import { afterAll, beforeAll, expect, it } from 'vitest';
import { busDefaults } from '../../src/bus/busDefaults.ts';
import { createMessage } from '../../src/bus/createMessage.ts';
import type { Message } from '../../src/bus/EventBus.ts';
import { startServiceRuntime, type ServiceRuntime } from '../../src/service/startServiceRuntime.ts';
import { aGate } from '../busGate.ts';
import { eventually, uniqueSuffix } from '../busTestKit.ts';
import { amqpUrl, BusBrokerAdmin } from './busBrokerAdmin.ts';

/**
 * A service on RabbitMQ is closed while one of its handlers is still at work: what that handler
 * records through the unit of work must be published before close() resolves, not left in the
 * outbox until the next start (the saga would stall meanwhile).
 */
const run = uniqueSuffix();
const asked = `test.${run}.asked`;
const answered = `test.${run}.answered`;
const subscriber = `test.${run}.answer_on_asked`;
const tap = `test.${run}.tap`;

let admin: BusBrokerAdmin;
let runtime: ServiceRuntime | undefined;

beforeAll(async () => {
  // Unreachable broker: the test fails here, it is not skipped.
  admin = await BusBrokerAdmin.connect();
  admin.forgetSubscription(subscriber, busDefaults.retry);
  admin.forgetQueue(tap);
  await admin.channel.assertExchange(busDefaults.exchange, 'topic', { durable: true });
  await admin.channel.assertQueue(tap, { durable: false });
  await admin.channel.bindQueue(tap, busDefaults.exchange, answered);
});

afterAll(async () => {
  await runtime?.close();
  await admin?.cleanUp();
});

it('close() lets an in-flight handler commit, then publishes what it recorded before resolving', async () => {
  const service = await startServiceRuntime({
    service: `drain-${run}`,
    database: `drain-${run}`,
    amqpUrl,
    logLevel: 'silent',
  });
  runtime = service;
  const gate = aGate();
  let started = false;
  let committed = false;
  await service.bus.subscribe({
    name: subscriber,
    topics: [asked],
    handler: async (message) => {
      started = true;
      await gate.passed;
      await service.unitOfWork.handleOnce(subscriber, message, async (session, record) => {
        await service.store
          .collection('answers')
          .insertOne({ _id: message.id, at: new Date() }, { session });
        record(createMessage(answered, { to: message.id }));
      });
      committed = true;
    },
  });
  const question = createMessage(asked, { n: 1 });
  await service.bus.publish([question]);
  await eventually('the handler to start', () => started);

  const closing = service.close();
  // Only once nothing new can be delivered does the handler go on and record its answer.
  await eventually(
    'the consumer to be cancelled',
    async () => (await admin.channel.checkQueue(subscriber)).consumerCount === 0,
  );
  gate.open();
  await closing;
  runtime = undefined;

  expect(committed).toBe(true);
  const got = await admin.take(tap);
  if (got === false) throw new Error('the answer was left in the outbox, not published');
  const answer = JSON.parse(got.content.toString('utf8')) as Message<{ to: string }>;
  expect(answer).toMatchObject({ type: answered, payload: { to: question.id } });
  // Acked by the handler that finished during close(): nothing left for the next start.
  expect(await admin.channel.checkQueue(subscriber)).toMatchObject({ messageCount: 0 });
});
