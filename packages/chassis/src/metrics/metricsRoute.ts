import { Router } from 'express';
import type { ServiceMetrics } from './ServiceMetrics.ts';

/** `GET /metrics`: the service's metrics in the Prometheus text format, for scraping. */
export function metricsRoute(metrics: ServiceMetrics): Router {
  const router = Router();
  router.get('/metrics', async (_req, res, next) => {
    try {
      const body = await metrics.scrape();
      res.type(metrics.registry.contentType).send(body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
