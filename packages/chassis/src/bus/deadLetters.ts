/**
 * Inspect and replay a subscription's RabbitMQ dead-letter queue.
 *
 * ```sh
 * AMQP_URL=amqp://guest:guest@127.0.0.1:5672 \
 *   npx tsx packages/chassis/src/bus/deadLetters.ts list   <queue> [limit]
 *   npx tsx packages/chassis/src/bus/deadLetters.ts replay <queue> [limit]
 * ```
 *
 * `<queue>` is the subscription name (`trading.complete_purchase_on_gil_debited`); the messages
 * live in `dead_letter.<queue>`. `list` prints one JSON line per message and leaves them in the
 * queue; `replay` moves them back to `<queue>` with a fresh attempt count (publisher-confirmed
 * before each is removed, so an interruption duplicates rather than loses) and prints a summary.
 */
import { pathToFileURL } from 'node:url';
import { connect, type ConfirmChannel, type GetMessage } from 'amqplib';
import { rabbitMqHeaders } from './rabbitMqHeaders.ts';

export interface DeadLettersIo {
  /** The broker; the CLI passes `AMQP_URL`. */
  url: string;
  /** Receives each output line (without the newline). */
  write: (line: string) => void;
}

const USAGE = 'usage: deadLetters.ts list|replay <queue> [limit]';

/** Runs the CLI with `args` (without `node` and the script) and returns its exit code. */
export async function deadLetters(args: readonly string[], io: DeadLettersIo): Promise<number> {
  const [command, queue, limitArg] = args;
  const limit = limitArg === undefined ? Number.POSITIVE_INFINITY : Number(limitArg);
  if ((command !== 'list' && command !== 'replay') || !queue || !(limit > 0)) {
    io.write(USAGE);
    return 2;
  }
  const connection = await connect(io.url);
  // Failures surface through the rejected calls below; these listeners only stop amqplib from
  // also raising them as unhandled 'error' events.
  connection.on('error', () => undefined);
  try {
    const channel = await connection.createConfirmChannel();
    channel.on('error', () => undefined);
    const deadLetterQueue = `dead_letter.${queue}`;
    // Only what is there now: a replayed message that fails again must not loop forever.
    const { messageCount } = await channel.checkQueue(deadLetterQueue).catch((error: unknown) => {
      throw new Error(`no queue ${deadLetterQueue}`, { cause: error });
    });
    const max = Math.min(messageCount, limit);
    if (command === 'list') await list(channel, deadLetterQueue, max, io);
    else await replay(channel, queue, deadLetterQueue, max, io);
    await channel.close();
    return 0;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function list(
  channel: ConfirmChannel,
  deadLetterQueue: string,
  max: number,
  io: DeadLettersIo,
) {
  let listed = 0;
  while (listed < max) {
    const message = await channel.get(deadLetterQueue, { noAck: false });
    if (message === false) break;
    io.write(JSON.stringify(describe(message)));
    listed += 1;
  }
  // Hand every message back: listing must not consume.
  channel.nackAll(true);
  io.write(JSON.stringify({ queue: deadLetterQueue, listed }));
}

async function replay(
  channel: ConfirmChannel,
  queue: string,
  deadLetterQueue: string,
  max: number,
  io: DeadLettersIo,
) {
  await channel.checkQueue(queue).catch((error: unknown) => {
    throw new Error(`no queue ${queue} to replay into`, { cause: error });
  });
  let replayed = 0;
  while (replayed < max) {
    const message = await channel.get(deadLetterQueue, { noAck: false });
    if (message === false) break;
    const headers: Record<string, unknown> = { ...message.properties.headers };
    for (const name of Object.values(rabbitMqHeaders)) delete headers[name];
    for (const name of Object.keys(headers)) {
      if (/^x-(death|first-death-|last-death-|delivery-count$)/.test(name)) delete headers[name];
    }
    headers['x-replayed-at'] = new Date().toISOString();
    await new Promise<void>((resolve, reject) => {
      // The default exchange routes by queue name: only this subscriber sees the replay.
      channel.sendToQueue(
        queue,
        message.content,
        { ...definedProperties(message), persistent: true, headers },
        (err: unknown) =>
          err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(),
      );
    });
    channel.ack(message);
    replayed += 1;
  }
  io.write(JSON.stringify({ queue, from: deadLetterQueue, replayed }));
}

function describe(message: GetMessage) {
  const headers = message.properties.headers ?? {};
  const text = message.content.toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return {
    messageId: message.properties.messageId,
    type: message.properties.type,
    attempts: headers[rabbitMqHeaders.attempts],
    // The bus's own reason, else the broker's: a quorum queue's `delivery_limit`.
    reason: headers[rabbitMqHeaders.deadLetterReason] ?? brokerReason(headers['x-death']),
    lastError: headers[rabbitMqHeaders.lastError],
    deadLetteredAt: headers[rabbitMqHeaders.deadLetteredAt],
    body,
  };
}

/** The reason of the latest dead-lettering the broker recorded (`x-death` is newest first). */
function brokerReason(deaths: unknown): unknown {
  if (!Array.isArray(deaths)) return undefined;
  const latest: unknown = deaths[0];
  return typeof latest === 'object' && latest !== null
    ? (latest as { reason?: unknown }).reason
    : undefined;
}

function definedProperties(message: GetMessage) {
  const { contentType, messageId, type, timestamp } = message.properties;
  return {
    ...(contentType === undefined ? {} : { contentType: String(contentType) }),
    ...(messageId === undefined ? {} : { messageId: String(messageId) }),
    ...(type === undefined ? {} : { type: String(type) }),
    ...(typeof timestamp === 'number' ? { timestamp } : {}),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
  deadLetters(process.argv.slice(2), { url, write: (line) => process.stdout.write(`${line}\n`) })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
