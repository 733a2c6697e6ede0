import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, ErrorCode } from './DomainError.ts';

/**
 * Codes raised by GraphQL itself (parsing, validation, variable coercion) or already mapped
 * upstream: safe to show, they describe the request, not the server.
 */
const CLIENT_FACING_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.InternalServerError),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_IN_LIST',
  'COST_ESTIMATED_TOO_EXPENSIVE',
]);

/**
 * The one mapping from thrown errors to what clients see: domain errors keep their message
 * and code; GraphQL's own request errors pass through; anything else is logged and replaced
 * by a bare `INTERNAL_SERVER_ERROR`, so no stack trace or driver message ever leaves the server.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    if (original instanceof DomainError) {
      return {
        ...base,
        message: original.message,
        extensions: { code: original.code, ...original.details },
      };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && CLIENT_FACING_CODES.has(code)) {
      const {
        stacktrace: _stacktrace,
        exception: _exception,
        ...extensions
      } = formatted.extensions ?? {};
      return { ...base, message: formatted.message, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      ...base,
      message: 'Internal server error',
      extensions: { code: ErrorCode.InternalServerError },
    };
  };
}
