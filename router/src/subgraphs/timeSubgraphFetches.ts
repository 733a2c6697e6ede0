import type { Histogram } from '@play-economy/chassis/web';
import type { SubgraphFetcher } from './createSubgraphFetcher.ts';

/**
 * `fetcher` for one subgraph, observing each call's latency (to the response headers) in
 * `histogram` by subgraph and outcome: `ok`, `http_error` (a non-2xx status) or `unavailable`
 * (no response: refused, reset, past the deadline).
 */
export function timeSubgraphFetches(
  fetcher: SubgraphFetcher,
  subgraph: string,
  histogram: Histogram<'subgraph' | 'outcome'>,
): SubgraphFetcher {
  return async (url, init) => {
    const startedAt = performance.now();
    const seconds = () => (performance.now() - startedAt) / 1000;
    try {
      const response = await fetcher(url, init);
      histogram.observe({ subgraph, outcome: response.ok ? 'ok' : 'http_error' }, seconds());
      return response;
    } catch (error) {
      histogram.observe({ subgraph, outcome: 'unavailable' }, seconds());
      throw error;
    }
  };
}
