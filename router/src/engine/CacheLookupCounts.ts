import type { ObservedSample, ServiceMetrics } from '@play-economy/chassis/web';
import type { CacheLookups } from './SupergraphRuntime.ts';

type Labels = Parameters<CacheLookups['inc']>[0];

/**
 * Lookups in the router's operation caches (documents, plans, whole answers), tallied in plain
 * numbers and read at each scrape as `router_operation_cache_lookups_total{cache,outcome}`: a
 * prom-client counter validates and hashes its labels on every `inc`, which every request would
 * pay two or three times.
 */
export class CacheLookupCounts implements CacheLookups {
  readonly #counts = new Map<string, { labels: Labels; value: number }>();

  inc(labels: Labels): void {
    const key = `${labels.cache}:${labels.outcome}`;
    const tally = this.#counts.get(key);
    if (tally) tally.value += 1;
    else this.#counts.set(key, { labels: { ...labels }, value: 1 });
  }

  /** Serves the tallies at `metrics`' `/metrics`. */
  observeIn(metrics: ServiceMetrics): void {
    metrics.observe({
      kind: 'counter',
      name: 'router_operation_cache_lookups_total',
      help: 'Lookups in the caches of parsed documents, of query plans and of whole answers, by outcome',
      labelNames: ['cache', 'outcome'],
      read: (): ObservedSample[] =>
        [...this.#counts.values()].map(({ labels, value }) => ({ labels: { ...labels }, value })),
    });
  }
}
