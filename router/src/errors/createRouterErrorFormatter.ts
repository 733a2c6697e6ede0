import { createErrorFormatter, ErrorCode, type Logger } from '@play-economy/chassis/web';
import type { GraphQLFormattedError } from 'graphql';
import { SubgraphHttpError } from '../subgraphs/SubgraphHttpError.ts';
import { SubgraphUnavailable } from '../subgraphs/SubgraphUnavailable.ts';

/**
 * Codes a subgraph may hand to clients: the domain codes of the public contract. A parse or
 * validation error from a subgraph is about the router's own request to it, not the client's,
 * so it counts as internal.
 */
const SUBGRAPH_CLIENT_CODES = new Set<string>(
  Object.values(ErrorCode).filter((code) => code !== ErrorCode.InternalServerError),
);

/** What clients read when a subgraph cannot be reached. */
export const SUBGRAPH_UNAVAILABLE_MESSAGE =
  'A service needed for this request is unavailable; try again later.';

/**
 * The router's error formatter, built on the chassis one. Errors a subgraph returned with a
 * client-facing code keep their message and extensions (minus the `serviceName` and `response`
 * the gateway adds); an unreachable subgraph gets a plain message and `SERVICE_UNAVAILABLE`, so
 * clients can tell an outage, worth retrying, from a bug; an HTTP error from a
 * subgraph and everything else are logged and answered with a bare `INTERNAL_SERVER_ERROR`
 * (the latter by the chassis formatter).
 */
export function createRouterErrorFormatter(logger: Logger) {
  const formatError = createErrorFormatter(logger);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const location = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    const unavailable = findCause(error, SubgraphUnavailable);
    if (unavailable) {
      logger.warn({ err: unavailable, subgraph: unavailable.subgraph }, 'subgraph unavailable');
      return {
        ...location,
        message: SUBGRAPH_UNAVAILABLE_MESSAGE,
        extensions: { code: ErrorCode.ServiceUnavailable },
      };
    }
    const httpError = findCause(error, SubgraphHttpError);
    if (httpError) {
      // Logged here: the chassis formatter would only see the wrapper, without status and body.
      logger.error(
        { err: httpError, subgraph: httpError.subgraph, status: httpError.status },
        'subgraph answered an HTTP error',
      );
      return {
        ...location,
        message: 'Internal server error',
        extensions: { code: ErrorCode.InternalServerError },
      };
    }
    const serviceName = formatted.extensions?.['serviceName'];
    if (serviceName === undefined) return formatError(formatted, error);

    // The gateway adds which subgraph failed and, for HTTP errors, its URL and raw body.
    const extensions = { ...formatted.extensions };
    delete extensions['serviceName'];
    delete extensions['response'];
    const code = extensions['code'];
    if (typeof code === 'string' && SUBGRAPH_CLIENT_CODES.has(code)) {
      return formatError({ ...formatted, extensions }, error);
    }
    // Drop the code so the chassis formatter treats it as unexpected: logged, never shown.
    delete extensions['code'];
    return createErrorFormatter(logger.child({ subgraph: serviceName }))(
      { ...formatted, extensions },
      error,
    );
  };
}

/** The first error of type `type` along the `originalError` / `cause` chain of `error`. */
function findCause<T extends Error>(
  error: unknown,
  type: abstract new (...args: never[]) => T,
): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error; depth += 1) {
    if (current instanceof type) return current;
    const next: unknown =
      'originalError' in current && current.originalError ? current.originalError : current.cause;
    current = next;
  }
  return undefined;
}
