/**
 * The sum of a metric's samples at the `/metrics` of the server `url` belongs to, over the
 * samples whose labels include every one of `labels` (all of them when none are given); 0 while
 * it has no sample yet. Throws for a metric the server does not declare, so a misspelt name fails.
 */
export async function readMetric(
  url: string,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  // A histogram declares its name; its series add `_count`, `_sum` and `_bucket`.
  const declared = name.replace(/_(count|sum|bucket)$/, '');
  if (!text.includes(`# TYPE ${name} `) && !text.includes(`# TYPE ${declared} `)) {
    throw new Error(`${name} is not at ${url}`);
  }
  const wanted = Object.entries(labels).map(([label, value]) => `${label}="${value}"`);
  let total = 0;
  for (const [, labelSet = '', value] of text.matchAll(
    new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\S+)$`, 'gm'),
  )) {
    const present = labelSet.split(',');
    if (wanted.every((pair) => present.includes(pair))) total += Number(value);
  }
  return total;
}
