/**
 * Calls `attempt` until `done` accepts its result or `timeoutMs` passes, and returns the last
 * result: for effects that travel through the bus and so land a moment later.
 */
export async function untilSettled<T>(
  attempt: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await attempt();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await attempt();
  }
  return value;
}
