import { connect } from 'node:net';
import { createLogger } from '@play-economy/chassis/web';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postGraphQL } from '../support/http.ts';
import { startTestStack, type TestStack } from '../support/startTestStack.ts';

const lines: { level: number; msg: string }[] = [];
let stack: TestStack;

beforeAll(async () => {
  const destination = { write: (line: string) => void lines.push(JSON.parse(line)) };
  stack = await startTestStack({
    router: { logger: createLogger({ service: 'router', level: 'debug', destination }) },
  });
});

afterAll(async () => {
  await stack?.stop();
});

it('takes a client leaving in the middle of its request body calmly, and keeps serving', async () => {
  const { port } = new URL(stack.router.url);
  await new Promise<void>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(
        'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
          'Content-Length: 1000\r\n\r\n{"query":"{ products',
      );
      // Gone before the rest of the body, as a page navigating away.
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 50);
    });
    socket.on('error', reject);
  });

  const deadline = Date.now() + 5000;
  while (!lines.some(({ msg }) => msg === 'client left before its answer')) {
    if (Date.now() > deadline) throw new Error('the router did not notice the client leaving');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(lines.filter(({ level }) => level >= 50)).toEqual([]);
  const { status, body } = await postGraphQL(stack.router.url, '{ products { name } }');
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
});
