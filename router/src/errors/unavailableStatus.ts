import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@play-economy/chassis/web';

/** What `Retry-After` suggests when nothing of an operation could be answered. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * Answers `503 Service Unavailable` with `Retry-After` when an operation failed as a whole
 * because a subgraph it needs is down: no root field has a value, and a `SERVICE_UNAVAILABLE`
 * error says why. Partial answers (other subgraphs served their part) stay `200`.
 */
export function unavailableStatus(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const unavailable = errors?.some(
            (error) => error.extensions?.['code'] === ErrorCode.ServiceUnavailable,
          );
          const answered = data && Object.values(data).some((value) => value !== null);
          if (!unavailable || answered) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
