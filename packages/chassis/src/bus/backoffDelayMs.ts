import type { RetryPolicy } from './EventBus.ts';

/**
 * Delay before retry number `attempt + 1` of a message whose delivery `attempt` (0-based)
 * failed: `initialDelayMs`, then doubling.
 */
export function backoffDelayMs(policy: RetryPolicy, attempt: number): number {
  return policy.initialDelayMs * 2 ** attempt;
}
