import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chassisTracer } from './chassisTracer.ts';
import { extractTraceContext } from './extractTraceContext.ts';

/**
 * Middleware (Express or plain `node:http`), mounted on `/graphql`: runs the rest of the
 * request in a span, child of the caller's W3C trace context (the router's, for a subgraph).
 * {@link graphqlMetricsPlugin} renames it after the operation once it is known. When the http
 * auto-instrumentation already made a server span, this one is its child.
 */
export function traceGraphQLRequests(
  service: string,
): (
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  next: () => void,
) => void {
  return (req, res, next) => {
    const active = context.active();
    const instrumented = trace.getSpan(active) !== undefined;
    const parent = instrumented ? active : extractTraceContext(req.headers, active);
    const span = chassisTracer().startSpan(
      `graphql ${req.method}`,
      {
        kind: instrumented ? SpanKind.INTERNAL : SpanKind.SERVER,
        attributes: {
          'play_economy.service': service,
          'http.request.method': req.method ?? '',
          'url.path': (req.originalUrl ?? req.url ?? '').split('?')[0] ?? '',
        },
      },
      parent,
    );
    // A span nobody records (no SDK, or not sampled) still carries the trace context on, but
    // waiting for the response to close it would cost every request for nothing.
    if (span.isRecording()) {
      res.once('close', () => {
        span.setAttribute('http.response.status_code', res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      });
    }
    context.with(trace.setSpan(parent, span), next);
  };
}
