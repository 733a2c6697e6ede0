import { useEffect, useRef } from 'react';

/**
 * How often an open catalog or item page reads its items again. The API has no subscription for
 * catalog changes, so a price an admin changed reaches an open page within this time (and at
 * once when the player comes back to the tab).
 */
export const CATALOG_REREAD_MS = 10_000;

/**
 * Calls `reread` every `everyMs` while the page is visible, and at once when the tab becomes
 * visible again or the window regains focus. A hidden tab asks nothing.
 */
export function useRereadWhileOpen(reread: () => void, everyMs = CATALOG_REREAD_MS): void {
  const latest = useRef(reread);
  latest.current = reread;
  useEffect(() => {
    const readIfVisible = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    const timer = setInterval(readIfVisible, everyMs);
    window.addEventListener('focus', readIfVisible);
    document.addEventListener('visibilitychange', readIfVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', readIfVisible);
      document.removeEventListener('visibilitychange', readIfVisible);
    };
  }, [everyMs]);
}
