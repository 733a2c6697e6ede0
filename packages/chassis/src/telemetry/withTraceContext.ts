import { context, trace, type Context } from '@opentelemetry/api';
import type { Message } from '../bus/EventBus.ts';
import { injectTraceContext } from './injectTraceContext.ts';

/**
 * The message with the W3C trace context of `from` (default: the active context) in its
 * headers, unless it already carries one. The outbox stores messages this way, so the relay,
 * publishing later from a poll, still knows which request or delivery they came from.
 */
export function withTraceContext<TMessage extends Message>(
  message: TMessage,
  from: Context = context.active(),
): TMessage {
  if (message.headers?.['traceparent'] !== undefined) return message;
  if (trace.getSpanContext(from) === undefined) return message;
  const headers: Record<string, string> = {};
  injectTraceContext(headers, from);
  if (Object.keys(headers).length === 0) return message;
  return { ...message, headers: { ...message.headers, ...headers } };
}
