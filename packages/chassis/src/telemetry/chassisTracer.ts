import { trace, type Tracer } from '@opentelemetry/api';

/** The tracer of spans the chassis makes itself (GraphQL requests, message publish/process). */
export function chassisTracer(): Tracer {
  // Looked up on each use: a provider registered after import (tests) is still picked up.
  return trace.getTracer('@play-economy/chassis');
}
