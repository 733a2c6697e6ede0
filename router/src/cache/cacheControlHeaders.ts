import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import type { CacheHintRegistry } from './CacheHintRegistry.ts';
import { computeCachePolicy } from './computeCachePolicy.ts';

/** What a response that may not be cached says. */
const UNCACHEABLE = 'no-store';

/**
 * Sets each response's `Cache-Control` from the supergraph's hints for what the operation
 * selects: `max-age=<smallest>, public` or `, private` when anything is PRIVATE, and `no-store`
 * for mutations, for results with errors and for anything with max-age 0. The same whether
 * the router answered from its cache or not. Apollo Server's own header calculation is turned
 * off: through a gateway it only sees subgraph headers, which cached answers do not have.
 */
export function cacheControlHeaders(
  hints: CacheHintRegistry,
  defaultMaxAge = 0,
): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ schema, document, operation, response }) {
            let header = UNCACHEABLE;
            const index = hints.of(schema);
            const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
            if (index && document && operation && single && !single.errors?.length) {
              const fragments = new Map<string, FragmentDefinitionNode>();
              for (const definition of document.definitions) {
                if (definition.kind === Kind.FRAGMENT_DEFINITION) {
                  fragments.set(definition.name.value, definition);
                }
              }
              const policy = computeCachePolicy(index, operation, fragments, defaultMaxAge);
              if (policy.maxAge > 0) {
                header = `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}`;
              }
            }
            response.http.headers.set('cache-control', header);
          },
        };
      },
    },
  ];
}
