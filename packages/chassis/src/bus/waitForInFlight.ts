/**
 * Waits until `inFlight` is empty (handlers that start meanwhile are awaited too) or `timeoutMs`
 * has passed. Resolves `true` when every handler settled, `false` when some were still running.
 */
export async function waitForInFlight(
  inFlight: ReadonlySet<Promise<void>>,
  timeoutMs: number,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    while (inFlight.size > 0) {
      const outcome = await Promise.race([Promise.allSettled([...inFlight]), timedOut]);
      if (outcome === 'timeout') return false;
    }
    return true;
  } finally {
    clearTimeout(timer);
  }
}
