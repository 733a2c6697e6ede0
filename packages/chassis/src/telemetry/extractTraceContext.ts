import { context, propagation, type Context } from '@opentelemetry/api';

/**
 * The context whose parent is the W3C trace context found in `headers` (incoming HTTP headers,
 * message headers, a `connection_init` payload), on top of the active one.
 */
export function extractTraceContext(
  headers: Readonly<Record<string, unknown>> | undefined,
  base: Context = context.active(),
): Context {
  if (!headers) return base;
  return propagation.extract(base, headers, {
    keys: (carrier) => Object.keys(carrier),
    get: (carrier, key) => {
      const value = carrier[key] ?? carrier[key.toLowerCase()];
      if (typeof value === 'string') return value;
      if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
      return undefined;
    },
  });
}
