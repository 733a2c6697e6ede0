import type { Message } from './EventBus.ts';

/**
 * Checks that a decoded value is a {@link Message} and returns it with only the known fields.
 * Throws a `TypeError` naming the first problem, so a poison message can be dead-lettered with
 * a useful reason.
 */
export function parseMessage(value: unknown): Message {
  if (!isRecord(value)) throw new TypeError('message must be a JSON object');
  const { id, type, occurredAt, payload, headers } = value;
  if (typeof id !== 'string' || id === '')
    throw new TypeError('message.id must be a non-empty string');
  if (typeof type !== 'string' || type === '') {
    throw new TypeError('message.type must be a non-empty string');
  }
  if (/[*#]/.test(type)) throw new TypeError('message.type must not contain `*` or `#`');
  if (typeof occurredAt !== 'string' || Number.isNaN(Date.parse(occurredAt))) {
    throw new TypeError('message.occurredAt must be an ISO-8601 date string');
  }
  if (!('payload' in value) || payload === undefined) {
    throw new TypeError('message.payload is missing (use null for none)');
  }
  if (headers === undefined) return { id, type, occurredAt, payload };
  if (!isRecord(headers) || !Object.values(headers).every((v) => typeof v === 'string')) {
    throw new TypeError('message.headers must map names to strings');
  }
  return { id, type, occurredAt, payload, headers: headers as Record<string, string> };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
