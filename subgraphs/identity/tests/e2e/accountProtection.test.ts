import { startStack, type GraphQLClient, type RunningStack } from '@play-economy/local-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPlayer } from '../support/aPlayer.ts';
import { clientFrom } from '../support/clientFrom.ts';
import { readMetric } from '@play-economy/chassis/testing';

/**
 * Sign-in and registration limits and the ending of sessions, through the router. Requests leave
 * from different loopback addresses (127.0.0.x), which the router sees as different clients.
 */
let stack: RunningStack;

const REGISTRATIONS_PER_ADDRESS = 5;

beforeAll(async () => {
  // One process and its in-process bus: no broker needed.
  const { AMQP_URL: _broker, ...env } = process.env;
  stack = await startStack({
    env: {
      ...env,
      NODE_ENV: 'test',
      SCRYPT_LOG_N_FOR_TESTS: '12',
      REGISTRATION_MAX_PER_IP: String(REGISTRATIONS_PER_ADDRESS),
    },
    ephemeralPorts: true,
  });
});

afterAll(async () => {
  await stack?.stop();
});

interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
}

const AUTH = 'accessToken refreshToken user { id }';
const from = (address: string, headers: Record<string, string> = {}) =>
  clientFrom(stack.routerUrl, address, headers);
const codeOf = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.['code'];

async function register(client: GraphQLClient, fields = aPlayer().build()) {
  const response = await client.request<{ register: AuthPayload }>(
    `mutation ($input: RegisterInput!) { register(input: $input) { ${AUTH} } }`,
    { input: fields },
  );
  return { response, fields };
}

async function registered(client: GraphQLClient) {
  const { response, fields } = await register(client);
  expect(response.errors).toBeUndefined();
  return { fields, payload: response.data!.register };
}

const login = (client: GraphQLClient, usernameOrEmail: string, password: string) =>
  client.request<{ login: AuthPayload }>(
    `mutation ($input: LoginInput!) { login(input: $input) { ${AUTH} } }`,
    { input: { usernameOrEmail, password } },
  );

const refresh = (client: GraphQLClient, refreshToken: string) =>
  client.request<{ refreshToken: AuthPayload }>(
    `mutation ($token: String!) { refreshToken(refreshToken: $token) { ${AUTH} } }`,
    { token: refreshToken },
  );

const passwordChecks = () => readMetric(stack.subgraphUrls['identity']!, 'password_checks_total');

describe('signing in', () => {
  it('checks at most 5 of 40 concurrent wrong passwords; the rest are RATE_LIMITED', async () => {
    const { fields } = await registered(from('127.0.0.3'));
    const attacker = from('127.0.0.2');
    const checksBefore = await passwordChecks();
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, n) => login(attacker, fields.username, `wrong guess ${n}`)),
    );
    const codes = responses.map(codeOf);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(35);
    expect((await passwordChecks()) - checksBefore).toBe(5);
    const limited = responses.find((response) => codeOf(response) === 'RATE_LIMITED')!;
    expect(limited.errors?.[0]?.extensions?.['retryAfterSeconds']).toEqual(expect.any(Number));

    // The attacker's address is locked out of the account, even with the right password...
    expect(codeOf(await login(attacker, fields.username, fields.password))).toBe('RATE_LIMITED');
    // ...the owner, from their own address, is not.
    const owner = await login(from('127.0.0.3'), fields.username, fields.password);
    expect(owner.errors).toBeUndefined();
    expect(owner.data?.login.user.id).toEqual(expect.any(String));
  });
});

describe('registering', () => {
  it('limits a flood of registrations from one address, not other addresses', async () => {
    const flooder = from('127.0.0.4');
    const results = await Promise.all(Array.from({ length: 12 }, () => register(flooder)));
    const codes = results.map(({ response }) => codeOf(response) ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(REGISTRATIONS_PER_ADDRESS);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(
      12 - REGISTRATIONS_PER_ADDRESS,
    );
    const refused = results.find(({ response }) => codeOf(response) === 'RATE_LIMITED')!;
    expect(refused.response.errors?.[0]?.extensions?.['retryAfterSeconds']).toEqual(
      expect.any(Number),
    );
    await registered(from('127.0.0.5'));
  });
});

describe('ending sessions', () => {
  let client: GraphQLClient;
  beforeAll(() => {
    client = from('127.0.0.6');
  });
  const signedIn = (payload: AuthPayload) =>
    from('127.0.0.6', { authorization: `Bearer ${payload.accessToken}` });

  it('signOut revokes the session of a refresh token: it then gives UNAUTHENTICATED', async () => {
    const { fields, payload } = await registered(client);
    const other = (await login(client, fields.username, fields.password)).data!.login;
    const signedOut = await client.request<{ signOut: boolean }>(
      'mutation ($token: String!) { signOut(refreshToken: $token) }',
      { token: payload.refreshToken },
    );
    expect(signedOut.errors).toBeUndefined();
    expect(signedOut.data?.signOut).toBe(true);
    expect(codeOf(await refresh(client, payload.refreshToken))).toBe('UNAUTHENTICATED');
    // Another session of the same user goes on.
    expect((await refresh(client, other.refreshToken)).errors).toBeUndefined();
  });

  it('signOutEverywhere revokes every refresh token of the caller', async () => {
    const { fields, payload } = await registered(client);
    const second = (await login(client, fields.email, fields.password)).data!.login;
    const published = await readMetric(
      stack.subgraphUrls['identity']!,
      'bus_messages_published_total',
      { type: 'identity.user.sessions_revoked' },
    );
    const response = await signedIn(second).request<{ signOutEverywhere: boolean }>(
      'mutation { signOutEverywhere }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.signOutEverywhere).toBe(true);
    for (const token of [payload.refreshToken, second.refreshToken]) {
      expect(codeOf(await refresh(client, token))).toBe('UNAUTHENTICATED');
    }
    // identity.user.sessions_revoked went out through the outbox.
    await expect
      .poll(() =>
        readMetric(stack.subgraphUrls['identity']!, 'bus_messages_published_total', {
          type: 'identity.user.sessions_revoked',
        }),
      )
      .toBe(published + 1);
  });

  it('changePassword revokes the other sessions and returns a fresh one', async () => {
    const { fields, payload } = await registered(client);
    const newPassword = 'an entirely new passphrase';
    const change = (currentPassword: string) =>
      signedIn(payload).request<{ changePassword: AuthPayload }>(
        `mutation ($current: String!, $next: String!) {
          changePassword(currentPassword: $current, newPassword: $next) { ${AUTH} }
        }`,
        { current: currentPassword, next: newPassword },
      );

    const wrong = await change('not the current password');
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'currentPassword',
    });
    const changed = await change(fields.password);
    expect(changed.errors).toBeUndefined();
    const fresh = changed.data!.changePassword;
    expect(fresh.user.id).toBe(payload.user.id);

    expect(codeOf(await refresh(client, payload.refreshToken))).toBe('UNAUTHENTICATED');
    expect((await refresh(client, fresh.refreshToken)).errors).toBeUndefined();
    expect(codeOf(await login(client, fields.username, fields.password))).toBe('UNAUTHENTICATED');
    expect((await login(client, fields.username, newPassword)).errors).toBeUndefined();
  });

  it('refuses signOutEverywhere and changePassword to an anonymous caller', async () => {
    expect(codeOf(await client.request('mutation { signOutEverywhere }'))).toBe('UNAUTHENTICATED');
    const change = await client.request(
      'mutation { changePassword(currentPassword: "a b c d e f g", newPassword: "h i j k l m n") { accessToken } }',
    );
    expect(codeOf(change)).toBe('UNAUTHENTICATED');
  });
});
