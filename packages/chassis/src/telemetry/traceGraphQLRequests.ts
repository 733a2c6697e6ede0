import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { chassisTracer } from './chassisTracer.ts';
import { extractTraceContext } from './extractTraceContext.ts';

/**
 * Express middleware, mounted on `/graphql` after the body parser: runs the rest of the
 * request in a span, child of the caller's W3C trace context (the router's, for a subgraph).
 * {@link graphqlMetricsPlugin} renames it after the operation once it is known. When the http
 * auto-instrumentation already made a server span, this one is its child.
 */
export function traceGraphQLRequests(service: string): RequestHandler {
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
          'http.request.method': req.method,
          'url.path': req.originalUrl.split('?')[0] ?? '',
        },
      },
      parent,
    );
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
