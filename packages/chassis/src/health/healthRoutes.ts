import { Router } from 'express';

/** A readiness check: resolves when its dependency is usable, rejects (or times out) when not. */
export type ReadinessCheck = () => Promise<void> | void;

const CHECK_TIMEOUT_MS = 2_000;

async function runCheck(check: ReadinessCheck): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.resolve().then(check), timeout]);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/health/live` answers 200 while the process serves HTTP at all; `/health/ready` answers 200
 * only while every named dependency check passes, else 503 naming the failing ones.
 */
export function healthRoutes(checks: Record<string, ReadinessCheck>): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/health/ready', async (_req, res) => {
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => [name, await runCheck(check)] as const),
    );
    const failing = entries.filter(([, problem]) => problem !== null);
    res.status(failing.length === 0 ? 200 : 503).json({
      status: failing.length === 0 ? 'ok' : 'unavailable',
      checks: Object.fromEntries(entries.map(([name, problem]) => [name, problem ?? 'ok'])),
    });
  });
  return router;
}
