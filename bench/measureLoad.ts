import autocannon from 'autocannon';

export interface LoadOptions {
  /** The GraphQL endpoint under test. */
  url: string;
  /** The JSON request body, sent as a POST by every request. */
  body: string;
  /** Added to every request. */
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** A request unanswered this long counts as a timeout, which invalidates the run. Default 10. */
  timeoutSeconds?: number;
  /**
   * The exact body every response must have: one answer checked beforehand. Any other body,
   * any non-2xx status and any connection error or timeout makes the run invalid.
   */
  expectedBody: string;
  /** The status every response must have, when not a 2xx (a refusal measured on purpose). */
  expectedStatus?: number;
}

/** What one load run measured. */
export interface LoadFigures {
  /** Responses received, all checked. */
  requests: number;
  /** Mean of autocannon's per-second samples. */
  requestsPerSecond: number;
  /** Median latency, in milliseconds (autocannon's histogram has 1 ms resolution). */
  p50Ms: number;
  /** 99th percentile latency, in milliseconds. */
  p99Ms: number;
}

/**
 * Sends the same request over `connections` keep-alive connections for `durationSeconds`, as
 * fast as answers come back (autocannon, in this process). Rejects when any answer was not the
 * expected one: a benchmark of error responses measures nothing.
 */
export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    body: options.body,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: options.timeoutSeconds ?? 10,
    expectBody: options.expectedBody,
  });

  const problems: string[] = [];
  const expected = options.expectedStatus;
  const unexpected =
    expected === undefined
      ? result.non2xx
      : result.requests.total - (result.statusCodeStats?.[`${expected}`]?.count ?? 0);
  if (unexpected > 0) {
    const statuses = Object.entries(result.statusCodeStats ?? {})
      .map(([status, { count }]) => `${count ?? 0} × ${status}`)
      .join(', ');
    const wanted = expected === undefined ? 'a non-2xx status' : `a status other than ${expected}`;
    problems.push(`${unexpected} responses with ${wanted} (${statuses})`);
  }
  if (result.mismatches > 0) {
    problems.push(`${result.mismatches} responses whose body differs from the checked one`);
  }
  if (result.errors > 0) {
    problems.push(`${result.errors} connection errors, ${result.timeouts} of them timeouts`);
  }
  if (result.requests.total === 0) problems.push('no response at all');
  if (problems.length > 0) {
    throw new Error(`invalid load run against ${options.url}: ${problems.join('; ')}`);
  }
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
