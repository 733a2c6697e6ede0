/**
 * The subscription benchmark alone (`npm run bench` runs it after the HTTP one):
 *
 *   npx tsx bench/subscriptions.ts --subscribers 5000 --events 100 --users 50
 */
import { parseArgs } from 'node:util';
import { benchSubscriptions, formatSubscriptionReport } from './benchSubscriptions.ts';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '5000' },
    events: { type: 'string', default: '100' },
    users: { type: 'string', default: '50' },
  },
});
const bounded = (name: string, value: string, max: number) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  }
  return parsed;
};
const budget = setTimeout(() => {
  process.stderr.write('[bench] subscriptions: gave up after 10 minutes\n');
  process.exit(1);
}, 600_000);
budget.unref();
const figures = await benchSubscriptions({
  subscribers: bounded('subscribers', values.subscribers, 10_000),
  events: bounded('events', values.events, 1000),
  users: bounded('users', values.users, 500),
  progress: (message) => process.stderr.write(`[bench] ${message}\n`),
});
process.stdout.write(formatSubscriptionReport(figures));
process.exit(0);
