import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStack, type RunningStack } from '@play-economy/local-stack';
import { aPlayer } from '../support/aPlayer.ts';

let stack: RunningStack;

beforeAll(async () => {
  stack = await startStack({
    env: { ...process.env, LOGIN_MAX_FAILURES_PER_IP: '3' },
    ephemeralPorts: true,
  });
});

afterAll(async () => {
  await stack?.stop();
});

function login(usernameOrEmail: string, password: string) {
  return stack.client.request<{ login: { user: { id: string } } }>(
    `mutation ($input: LoginInput!) { login(input: $input) { user { id } } }`,
    { input: { usernameOrEmail, password } },
  );
}

it('throttles a client address that fails sign-ins across many accounts', async () => {
  const fields = aPlayer().build();
  const registered = await stack.client.request(
    `mutation ($input: RegisterInput!) { register(input: $input) { user { id } } }`,
    { input: fields },
  );
  expect(registered.errors).toBeUndefined();
  // A successful sign-in counts nothing against the address.
  expect((await login(fields.username, fields.password)).errors).toBeUndefined();

  for (const name of ['guess_one', 'guess_two', 'guess_three']) {
    const failed = await login(name, 'a guessed password');
    expect(failed.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  }
  // The address (the router attests it) is now throttled, whatever the account.
  const limited = await login(fields.username, fields.password);
  expect(limited.data).toBeNull();
  expect(limited.errors?.[0]?.extensions).toMatchObject({
    code: 'RATE_LIMITED',
    retryAfterSeconds: expect.any(Number),
  });
  expect(limited.errors?.[0]?.message).toMatch(/try again in \d+ seconds/);
});
