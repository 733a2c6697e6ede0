import { randomUUID } from 'node:crypto';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import { Role, type Viewer } from '@play-economy/chassis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadIdentityConfig } from '../../src/config.ts';
import { start, type RunningIdentity } from '../../src/server.ts';
import { aPlayer } from '../support/aPlayer.ts';

const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const EXCHANGE = 'play-economy';

let identity: RunningIdentity;
let connection: ChannelModel;
let channel: Channel;
const received: { id: string; type: string; payload: Record<string, unknown> }[] = [];

beforeAll(async () => {
  // RabbitMQ, as in production: no broker, no test (start() rejects, failing the file).
  identity = await start(
    loadIdentityConfig({
      ...process.env,
      AMQP_URL: amqpUrl,
      IDENTITY_PORT: '0',
      IDENTITY_HOST: '127.0.0.1',
    }),
  );
  connection = await connect(amqpUrl);
  channel = await connection.createChannel();
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, EXCHANGE, 'identity.gil.*');
  await channel.consume(
    queue,
    (delivery) => {
      if (delivery) received.push(JSON.parse(delivery.content.toString('utf8')));
    },
    { noAck: true },
  );
});

afterAll(async () => {
  await connection?.close();
  await identity?.stop();
});

async function until<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = read();
  }
  return value;
}

it('debits concurrent and redelivered commands exactly once each, never below 0', async () => {
  const session = await identity.useCases.register.execute(aPlayer().build());
  const userId = session.user.id;
  const admin: Viewer = { userId: 'operator', roles: [Role.Admin] };
  // 100 starting gil: six debits of 15 fit, the other fourteen do not.
  const commands = Array.from({ length: 20 }, () => ({
    id: randomUUID(),
    type: 'trading.purchase.debit_gil',
    occurredAt: new Date().toISOString(),
    payload: { purchaseId: randomUUID(), userId, amount: 15 },
  }));

  // Each command twice, with the same message id, all at once.
  for (const command of [...commands, ...commands]) {
    channel.publish(EXCHANGE, command.type, Buffer.from(JSON.stringify(command)), {
      messageId: command.id,
      type: command.type,
      contentType: 'application/json',
      persistent: true,
    });
  }

  const purchaseIds = new Set<string>(commands.map((command) => command.payload.purchaseId));
  const replies = () =>
    received.filter(
      (event) =>
        (event.type === 'identity.gil.debited' || event.type === 'identity.gil.debit_failed') &&
        purchaseIds.has(event.payload['purchaseId'] as string),
    );
  await until(replies, (found) => found.length >= commands.length);
  // Give duplicates that slipped through the inbox time to show up.
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const all = replies();
  expect(all).toHaveLength(20);
  expect(new Set(all.map((event) => event.payload['purchaseId'])).size).toBe(20);
  const debited = all.filter((event) => event.type === 'identity.gil.debited');
  const failed = all.filter((event) => event.type === 'identity.gil.debit_failed');
  expect(debited).toHaveLength(6);
  expect(failed).toHaveLength(14);
  for (const event of failed) {
    expect(event.payload).toMatchObject({ userId, amount: 15, reason: 'INSUFFICIENT_GIL' });
  }
  const balances = debited.map((event) => event.payload['balance'] as number).sort((a, b) => b - a);
  expect(balances).toEqual([85, 70, 55, 40, 25, 10]);

  const changes = await until(
    () =>
      received.filter((e) => e.type === 'identity.gil.changed' && e.payload['userId'] === userId),
    (found) => found.length >= 6,
  );
  expect(changes.map((event) => event.payload['delta'])).toEqual(Array(6).fill(-15));
  expect(Math.min(...changes.map((event) => event.payload['balance'] as number))).toBe(10);

  const user = await identity.useCases.getUser.execute(admin, userId);
  expect(user?.gil).toBe(10);
});

it('replies UNKNOWN_USER for a user identity does not know', async () => {
  const command = {
    id: randomUUID(),
    type: 'trading.purchase.debit_gil',
    occurredAt: new Date().toISOString(),
    payload: { purchaseId: randomUUID(), userId: `ghost-${randomUUID()}`, amount: 5 },
  };
  channel.publish(EXCHANGE, command.type, Buffer.from(JSON.stringify(command)), {
    messageId: command.id,
    persistent: true,
  });
  const reply = await until(
    () =>
      received.find(
        (event) =>
          event.type === 'identity.gil.debit_failed' &&
          event.payload['purchaseId'] === command.payload.purchaseId,
      ),
    (found) => found !== undefined,
  );
  expect(reply?.payload).toEqual({ ...command.payload, reason: 'UNKNOWN_USER' });
});

it('dead-letters a debit command its contract refuses, with the reason, and changes no gil', async () => {
  const session = await identity.useCases.register.execute(aPlayer().build());
  const userId = session.user.id;
  const command = {
    id: randomUUID(),
    type: 'trading.purchase.debit_gil',
    occurredAt: new Date().toISOString(),
    payload: { purchaseId: randomUUID(), userId, amount: -40 },
  };
  channel.publish(EXCHANGE, command.type, Buffer.from(JSON.stringify(command)), {
    messageId: command.id,
    type: command.type,
    persistent: true,
  });

  // Operators find it in the subscriber's dead-letter queue, the reason in its headers.
  const deadLetterQueue = 'dead_letter.identity.debit_gil_on_debit_gil_requested';
  const inspector = await connection.createChannel();
  let headers: Record<string, unknown> | undefined;
  const deadline = Date.now() + 20_000;
  while (headers === undefined && Date.now() < deadline) {
    const got = await inspector.get(deadLetterQueue, { noAck: false });
    if (got === false) {
      inspector.nackAll(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    if ((JSON.parse(got.content.toString('utf8')) as { id: string }).id === command.id) {
      headers = got.properties.headers ?? {};
      inspector.ack(got);
    }
  }
  inspector.nackAll(true);
  await inspector.close();
  expect(headers).toMatchObject({
    'x-dead-letter-reason': 'malformed',
    'x-last-error': expect.stringMatching(/MalformedMessage: .* amount: Too small/),
  });

  // No handler saw it: no reply, and the balance is what registration gave.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(
    received.filter((event) => event.payload['purchaseId'] === command.payload.purchaseId),
  ).toEqual([]);
  const admin: Viewer = { userId: 'operator', roles: [Role.Admin] };
  expect((await identity.useCases.getUser.execute(admin, userId))?.gil).toBe(100);
});
