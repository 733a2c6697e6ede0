import { describe, expect, it } from 'vitest';
import { createBus } from '../../src/bus/createBus.ts';
import { InProcessBus } from '../../src/bus/InProcessBus.ts';
import { parseMessage } from '../../src/bus/parseMessage.ts';
import { aMessage, testLogger } from '../busTestKit.ts';

describe('createBus', () => {
  it('runs in process when no AMQP URL is configured', async () => {
    for (const amqpUrl of [undefined, '']) {
      const bus = await createBus({ amqpUrl, logger: testLogger });
      expect(bus).toBeInstanceOf(InProcessBus);
      expect(bus.isConnected()).toBe(true);
      await bus.close();
    }
  });
});

describe('parseMessage', () => {
  it('accepts a message and drops unknown fields', () => {
    const message = aMessage().withHeaders({ traceparent: 't' }).build();
    expect(parseMessage({ ...message, extra: 1 })).toEqual(message);
    expect(parseMessage({ ...message, payload: null }).payload).toBeNull();
  });

  it.each([
    ['not an object', 'nope', /JSON object/],
    ['no id', { ...aMessage().build(), id: '' }, /id/],
    ['a wildcard type', { ...aMessage().build(), type: 'catalog.*' }, /type/],
    ['a bad date', { ...aMessage().build(), occurredAt: 'soon' }, /occurredAt/],
    ['no payload', { ...aMessage().build(), payload: undefined }, /payload/],
    ['non-string headers', { ...aMessage().build(), headers: { n: 1 } }, /headers/],
  ])('rejects %s', (_case, value, error) => {
    expect(() => parseMessage(value)).toThrow(error);
  });
});
