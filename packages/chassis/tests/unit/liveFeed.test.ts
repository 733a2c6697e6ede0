import { describe, expect, it } from 'vitest';
import { LiveFeed, WatcherTooSlow } from '../../src/live/LiveFeed.ts';

describe('LiveFeed', () => {
  it('hands each watcher the events its filter accepts, in order', async () => {
    const feed = new LiveFeed<{ user: string; n: number }>();
    const mine = feed.watch((event) => event.user === 'a');
    const all = feed.watch();
    feed.publish({ user: 'a', n: 1 });
    feed.publish({ user: 'b', n: 2 });
    feed.publish({ user: 'a', n: 3 });
    expect((await mine.next()).value).toEqual({ user: 'a', n: 1 });
    expect((await mine.next()).value).toEqual({ user: 'a', n: 3 });
    expect([
      (await all.next()).value?.n,
      (await all.next()).value?.n,
      (await all.next()).value?.n,
    ]).toEqual([1, 2, 3]);
  });

  it('resolves a waiting next() when an event arrives', async () => {
    const feed = new LiveFeed<number>();
    const watch = feed.watch();
    const next = watch.next();
    feed.publish(7);
    expect(await next).toEqual({ value: 7, done: false });
  });

  it('detaches a watcher on return(), ending a pending next()', async () => {
    const feed = new LiveFeed<number>();
    const watch = feed.watch();
    const pending = watch.next();
    expect(feed.watcherCount).toBe(1);
    await watch.return(undefined);
    expect(feed.watcherCount).toBe(0);
    expect(await pending).toEqual({ value: undefined, done: true });
    feed.publish(1);
    expect(await watch.next()).toEqual({ value: undefined, done: true });
  });

  it('ends a watcher that falls more than maxBuffered events behind', async () => {
    const feed = new LiveFeed<number>({ maxBuffered: 2 });
    const slow = feed.watch();
    const other = feed.watch((n) => n === 1);
    feed.publish(1);
    feed.publish(2);
    feed.publish(3);
    expect(feed.watcherCount).toBe(1);
    await expect(slow.next()).rejects.toBeInstanceOf(WatcherTooSlow);
    expect((await other.next()).value).toBe(1);
  });
});
