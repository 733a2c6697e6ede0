import {
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { eventTraceOrigins } from '../telemetry/eventTraceOrigins.ts';
import { injectTraceContext } from '../telemetry/injectTraceContext.ts';
import type { SubscriptionTrace } from '../telemetry/SubscriptionTrace.ts';

export interface ExecuteSubscriptionOptions {
  /** The subscription's spans: the subscribe span is ended here, each event gets one. */
  trace: SubscriptionTrace;
  /** Called once when a stream that started has ended, however. */
  onEnd: () => void;
}

/**
 * GraphQL's `subscribe`, traced: the source stream is created inside the subscribe span, and
 * each event is executed inside an event span (linked to the span the event came from, when a
 * `LiveFeed` remembered it) whose `traceparent` goes out in the result's `extensions`, so
 * the router continues from it. Ending the returned stream (`return()`)
 * ends its source at once, even while waiting for an event.
 */
export async function executeSubscription(
  args: ExecutionArgs,
  options: ExecuteSubscriptionOptions,
): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const { trace, onEnd } = options;
  let source: AsyncIterator<unknown> | ExecutionResult;
  try {
    const stream = await createSourceEventStream(args);
    source = Symbol.asyncIterator in stream ? stream[Symbol.asyncIterator]() : stream;
  } catch (error) {
    trace.end([{ message: error instanceof Error ? error.message : String(error) }]);
    throw error;
  }
  if (!('next' in source)) {
    trace.end(source.errors);
    return source;
  }
  trace.end();
  const events = source;
  let ended = false;
  const finish = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  const resolve = (event: unknown) =>
    trace.event(
      async () => {
        const result = await execute({ ...args, rootValue: event });
        const headers: Record<string, string> = {};
        injectTraceContext(headers);
        return Object.keys(headers).length === 0
          ? result
          : { ...result, extensions: { ...result.extensions, ...headers } };
      },
      undefined,
      eventTraceOrigins.of(event),
    );
  const stream: AsyncGenerator<ExecutionResult> = {
    next: async () => {
      try {
        const next = await events.next();
        if (next.done) {
          finish();
          return { value: undefined, done: true };
        }
        return { value: await resolve(next.value), done: false };
      } catch (error) {
        finish();
        throw error;
      }
    },
    return: async () => {
      finish();
      await events.return?.();
      return { value: undefined, done: true };
    },
    throw: async (error: unknown) => {
      finish();
      await events.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
