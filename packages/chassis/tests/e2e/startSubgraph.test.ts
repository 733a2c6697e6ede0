import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import { signViewer, VIEWER_HEADER } from '../../src/auth/Viewer.ts';
import { InProcessBus } from '../../src/bus/InProcessBus.ts';
import type { Message } from '../../src/bus/EventBus.ts';
import { createMessage } from '../../src/bus/createMessage.ts';
import { subgraphConfig } from '../../src/config/subgraphConfig.ts';
import { defineSubgraph } from '../../src/service/SubgraphDefinition.ts';
import { startSubgraph, type RunningSubgraphService } from '../../src/service/startSubgraph.ts';
import { findFreePort } from '../../src/http/findFreePort.ts';
import { eventually, testLogger } from '../busTestKit.ts';

const SECRET = 'a-router-secret-of-at-least-thirty-two-characters';
const settings = subgraphConfig('greeter', 0, {});
const heard: Message[] = [];
let choreRuns = 0;

/** A small subgraph whose wiring takes a while, as a real one opening its store does. */
const greeter = defineSubgraph({
  name: 'greeter',
  schema: new URL('../support/greeting.graphql', import.meta.url),
  resolvers: { Query: { greeting: () => `hello after ${choreRuns} chore runs` } },
  loadConfig: settings.load,
  async wire() {
    await sleep(300);
    return {
      context: (base) => base,
      subscribers: [
        {
          name: 'greeter.remember_on_greeted',
          topics: ['test.greeting.sent'],
          handler: async (message: Message) => {
            heard.push(message);
          },
        },
      ],
      timers: [{ name: 'count', everyMs: 20, run: async () => void (choreRuns += 1) }],
      expose: ({ url }) => ({ greetingUrl: url }),
    };
  },
});

const running: RunningSubgraphService[] = [];
afterEach(async () => {
  for (const subgraph of running.splice(0)) await subgraph.stop();
});

const config = (port: number) =>
  settings.load({ GREETER_PORT: String(port), GREETER_HOST: '127.0.0.1', ROUTER_SECRET: SECRET });

/** POSTs the greeting query as the router would; the HTTP status, or `refused` when unbound. */
async function ask(port: number): Promise<number | 'refused'> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [VIEWER_HEADER]: signViewer(null, SECRET) },
      body: JSON.stringify({ query: '{ greeting }' }),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 'refused';
  }
}

/** Asks in a loop while `starting` runs, and a little after; every answer, in order. */
async function askWhile(port: number, starting: Promise<unknown>): Promise<(number | 'refused')[]> {
  const answers: (number | 'refused')[] = [];
  let started = false;
  void starting.finally(() => (started = true));
  while (!started) answers.push(await ask(port));
  for (let i = 0; i < 5; i += 1) answers.push(await ask(port));
  return answers;
}

it('opens its port only once /graphql answers: a (re)starting subgraph never answers 404', async () => {
  const port = await findFreePort();
  const bus = new InProcessBus({ logger: testLogger });
  const first = startSubgraph(greeter, { config: config(port), bus });
  const whileStarting = await askWhile(port, first);
  running.push(await first);
  await (await first).stop();
  running.splice(0);

  const again = startSubgraph(greeter, { config: config(port), bus });
  const whileRestarting = await askWhile(port, again);
  running.push(await again);

  for (const answers of [whileStarting, whileRestarting]) {
    // Many attempts met a closed port while the subgraph was wiring, then every one got 200.
    expect(answers.filter((answer) => answer === 'refused').length).toBeGreaterThan(3);
    expect(answers.slice(answers.indexOf(200))).toEqual(
      Array(answers.length - answers.indexOf(200)).fill(200),
    );
    expect(answers).not.toContain(404);
  }
  await bus.close();
});

it('subscribes the declared subscribers, runs the timers, and exposes what wire returns', async () => {
  const bus = new InProcessBus({ logger: testLogger });
  const subgraph = await startSubgraph(greeter, {
    config: config(0),
    bus,
    listen: { port: 0, host: '127.0.0.1' },
  });
  running.push(subgraph);
  expect(subgraph.greetingUrl).toBe(subgraph.url);
  const greeted = createMessage('test.greeting.sent', { to: 'you' });
  await bus.publish([greeted]);
  await eventually('the subscriber to hear the message', () =>
    heard.some((m) => m.id === greeted.id),
  );
  const runsBefore = choreRuns;
  await eventually('the timer to run', () => choreRuns >= runsBefore + 2);
  await subgraph.stop();
  running.splice(0);
  const runsAtStop = choreRuns;
  await sleep(100);
  expect(choreRuns).toBe(runsAtStop);
  await bus.close();
});
