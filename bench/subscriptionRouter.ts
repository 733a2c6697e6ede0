/**
 * Child process of the subscription benchmark: the router as `router/src/main.ts` builds it
 * (`createRouter` with the environment's settings), plus a control endpoint on
 * `BENCH_CONTROL_PORT` (127.0.0.1) answering `GET /stats` with the router's subscription counts.
 */
import { createServer } from 'node:http';
import { createLogger } from '@play-economy/chassis/web';
import { createRouter, loadRouterConfig } from '@play-economy/router';

const config = loadRouterConfig();
const router = await createRouter({
  ...config,
  logger: createLogger({ service: 'router', level: config.logLevel }),
});

const control = createServer((req, res) => {
  if (req.method !== 'GET' || req.url !== '/stats') {
    res.writeHead(404).end();
    return;
  }
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify(router.subscriptions));
});
control.listen(Number(process.env['BENCH_CONTROL_PORT']), '127.0.0.1');

const stop = async () => {
  control.close();
  await router.stop();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
