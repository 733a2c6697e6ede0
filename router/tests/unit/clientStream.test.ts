import { describe, expect, it } from 'vitest';
import { ClientStream } from '../../src/subscriptions/ClientStream.ts';

function aStream(maxBuffered = 2) {
  const calls = { overflow: 0, end: 0 };
  const stream = new ClientStream({
    maxBuffered,
    onOverflow: () => void (calls.overflow += 1),
    onEnd: () => void (calls.end += 1),
  });
  return { stream, calls };
}

const result = (n: number) => ({ data: { n } });

describe('ClientStream', () => {
  it('hands results over in order, to a waiting next() or from its buffer', async () => {
    const { stream } = aStream();
    const waiting = stream.next();
    stream.push(result(1));
    stream.push(result(2));
    expect(await waiting).toEqual({ value: result(1), done: false });
    expect(await stream.next()).toEqual({ value: result(2), done: false });
  });

  it('drops the client instead of buffering past maxBuffered', async () => {
    const { stream, calls } = aStream(2);
    stream.push(result(1));
    stream.push(result(2));
    expect(calls.overflow).toBe(0);
    stream.push(result(3));
    expect(calls).toEqual({ overflow: 1, end: 1 });
    expect(stream.buffered).toBe(0);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('fails only after the results before the failure were sent', async () => {
    const { stream, calls } = aStream();
    stream.push(result(1));
    stream.fail(new Error('upstream gone'));
    stream.push(result(2));
    expect(await stream.next()).toEqual({ value: result(1), done: false });
    await expect(stream.next()).rejects.toThrow('upstream gone');
    expect(calls.end).toBe(1);
  });

  it('completes a waiting next() and releases its source on return()', async () => {
    const { stream, calls } = aStream();
    const waiting = stream.next();
    await stream.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(calls.end).toBe(1);
    await stream.return();
    expect(calls.end).toBe(1);
  });

  it('completes normally after its buffered results', async () => {
    const { stream, calls } = aStream();
    stream.push(result(1));
    stream.complete();
    expect(await stream.next()).toEqual({ value: result(1), done: false });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(calls.end).toBe(1);
  });
});
