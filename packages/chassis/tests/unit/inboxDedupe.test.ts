import { describe, expect, it } from 'vitest';
import { Inbox } from '../../src/bus/Inbox.ts';
import { Outbox } from '../../src/bus/Outbox.ts';
import { UnitOfWork } from '../../src/bus/UnitOfWork.ts';
import type { Document } from '../../src/store/DocumentStore.ts';
import { EmbeddedStore } from '../../src/store/EmbeddedStore.ts';
import { aMessage } from '../busTestKit.ts';

interface Counter extends Document {
  value: number;
}

function setUp() {
  const store = new EmbeddedStore({ database: 'inbox-test' });
  const inbox = new Inbox(store);
  const outbox = new Outbox(store);
  const counters = store.collection<Counter>('counters');
  const increment = (session: Parameters<Parameters<Inbox['handleOnce']>[2]>[0]) =>
    counters.updateOne({ _id: 'c' }, { $inc: { value: 1 } }, { session, upsert: true });
  return { store, inbox, outbox, counters, increment };
}

describe('inbox', () => {
  it('handles a message once per subscriber, however often it is delivered', async () => {
    const { inbox, counters, increment } = setUp();
    const message = aMessage().build();
    expect(
      await inbox.handleOnce('test.counter', message, async (s) => void (await increment(s))),
    ).toBe(true);
    expect(
      await inbox.handleOnce('test.counter', message, async (s) => void (await increment(s))),
    ).toBe(false);
    expect((await counters.findOne({ _id: 'c' }))?.value).toBe(1);
    expect(await inbox.wasHandled('test.counter', message.id)).toBe(true);

    // Another subscriber of the same message is independent.
    expect(
      await inbox.handleOnce('test.other', message, async (s) => void (await increment(s))),
    ).toBe(true);
    expect((await counters.findOne({ _id: 'c' }))?.value).toBe(2);
  });

  it('records nothing when the work fails, so a redelivery can succeed', async () => {
    const { inbox, counters, increment } = setUp();
    const message = aMessage().build();
    await expect(
      inbox.handleOnce('test.counter', message, async (session) => {
        await increment(session);
        throw new Error('downstream failure');
      }),
    ).rejects.toThrow('downstream failure');
    expect(await inbox.wasHandled('test.counter', message.id)).toBe(false);
    expect(await counters.findOne({ _id: 'c' })).toBeNull();
    expect(
      await inbox.handleOnce('test.counter', message, async (s) => void (await increment(s))),
    ).toBe(true);
  });

  it("does not mistake the work's own duplicate-key error for an already handled message", async () => {
    const { inbox, counters } = setUp();
    await counters.insertOne({ _id: 'taken', value: 0 });
    const attempt = inbox.handleOnce('test.counter', aMessage().build(), async (session) => {
      await counters.insertOne({ _id: 'taken', value: 1 }, { session });
    });
    await expect(attempt).rejects.toMatchObject({ code: 11000 });
  });

  it('commits state, outbox messages and the inbox record together through the unit of work', async () => {
    const { store, inbox, outbox, counters, increment } = setUp();
    const unitOfWork = new UnitOfWork({ store, outbox, inbox });
    const command = aMessage().withType('test.counter.increment').build();
    const reply = aMessage().withType('test.counter.incremented').build();
    const handle = () =>
      unitOfWork.handleOnce('test.counter', command, async (session, record) => {
        await increment(session);
        record(reply);
      });

    expect(await handle()).toBe(true);
    expect(await handle()).toBe(false);
    expect((await counters.findOne({ _id: 'c' }))?.value).toBe(1);
    expect((await outbox.collection.find({}).toArray()).map((r) => r._id)).toEqual([reply.id]);

    // A failure rolls back all three.
    const failing = aMessage().build();
    await expect(
      unitOfWork.handleOnce('test.counter', failing, async (session, record) => {
        await increment(session);
        record(aMessage().build());
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    expect((await counters.findOne({ _id: 'c' }))?.value).toBe(1);
    expect(await outbox.collection.countDocuments({})).toBe(1);
    expect(await inbox.wasHandled('test.counter', failing.id)).toBe(false);
  });
});
