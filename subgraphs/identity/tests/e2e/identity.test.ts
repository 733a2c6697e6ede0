import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphQLClient,
  startStack,
  type GraphQLResponse,
  type RunningStack,
} from '@play-economy/local-stack';
import { aPlayer } from '../support/aPlayer.ts';

let stack: RunningStack;

beforeAll(async () => {
  stack = await startStack({
    // The tests of this file fail many sign-ins from one address; the address limit has its own
    // file, so it must not trip here (nor the account limit, which must exceed twice it).
    env: {
      ...process.env,
      LOGIN_MAX_FAILURES_PER_IP: '1000',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '5000',
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
  expiresIn: number;
  user: { id: string; username: string; email: string; roles: string[]; gil: number };
}

const AUTH_FIELDS = 'accessToken refreshToken expiresIn user { id username email roles gil }';

async function register(
  input: Record<string, unknown>,
): Promise<GraphQLResponse<{ register: AuthPayload }>> {
  return stack.client.request<{ register: AuthPayload }>(
    `mutation ($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`,
    { input },
  );
}

function login(usernameOrEmail: string, password: string) {
  return stack.client.request<{ login: AuthPayload }>(
    `mutation ($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`,
    { input: { usernameOrEmail, password } },
  );
}

function refresh(refreshToken: string) {
  return stack.client.request<{ refreshToken: AuthPayload }>(
    `mutation ($token: String!) { refreshToken(refreshToken: $token) { ${AUTH_FIELDS} } }`,
    { token: refreshToken },
  );
}

async function registered(fields = aPlayer().build()) {
  const { data, errors } = await register(fields);
  expect(errors).toBeUndefined();
  return { fields, payload: data!.register };
}

describe('registering and signing in through the router', () => {
  it('registers a player with the starting gil and a session', async () => {
    const fields = aPlayer().withEmail(`Mixed.Case.${Date.now()}@Example.com`).build();
    const { payload } = await registered(fields);
    expect(payload).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      user: {
        id: expect.any(String),
        username: fields.username,
        email: fields.email.toLowerCase(),
        roles: ['PLAYER'],
        gil: 100,
      },
    });
  });

  it('signs in by username and by email, then rotates refresh tokens; a reused one revokes the family', async () => {
    const { fields, payload } = await registered();

    const byUsername = await login(fields.username.toUpperCase(), fields.password);
    expect(byUsername.errors).toBeUndefined();
    expect(byUsername.data?.login.user.id).toBe(payload.user.id);
    const byEmail = await login(fields.email, fields.password);
    expect(byEmail.errors).toBeUndefined();
    expect(byEmail.data?.login.user.id).toBe(payload.user.id);

    const first = byEmail.data!.login.refreshToken;
    const rotated = await refresh(first);
    expect(rotated.errors).toBeUndefined();
    expect(rotated.data?.refreshToken).toMatchObject({
      user: { id: payload.user.id, email: fields.email },
      expiresIn: 900,
    });
    const second = rotated.data!.refreshToken.refreshToken;
    expect(second).not.toBe(first);
    const third = (await refresh(second)).data!.refreshToken.refreshToken;

    const reused = await refresh(first);
    expect(reused.data).toBeNull();
    expect(reused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // The newest token of the family is now unusable too.
    const newest = await refresh(third);
    expect(newest.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // Other sign-ins (other families) are unaffected.
    expect((await refresh(byUsername.data!.login.refreshToken)).errors).toBeUndefined();
  });

  it('refuses a taken username or email, ignoring case, with CONFLICT', async () => {
    const { fields } = await registered();
    const sameName = await register(aPlayer().named(fields.username.toUpperCase()).build());
    expect(sameName.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'username' });
    const sameEmail = await register(aPlayer().withEmail(fields.email.toUpperCase()).build());
    expect(sameEmail.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it.each([
    ['password', aPlayer().withPassword('too short').build()],
    ['password', aPlayer().withPassword('x'.repeat(201)).build()],
    ['username', aPlayer().named('no').build()],
    ['username', aPlayer().named('white space').build()],
    ['email', aPlayer().withEmail('not-an-email').build()],
  ])('refuses a bad %s with BAD_USER_INPUT naming it', async (field, input) => {
    const { data, errors } = await register(input);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors?.[0]?.message).toContain(field);
  });

  it('answers a wrong password and an unknown account identically', async () => {
    const { fields } = await registered();
    const wrongPassword = await login(fields.username, 'not the right password');
    const unknownUser = await login(`nobody_${Date.now()}`, 'not the right password');
    expect(wrongPassword.data).toBeNull();
    expect(wrongPassword.errors).toEqual(unknownUser.errors);
    expect(wrongPassword.errors?.[0]).toMatchObject({
      message: 'Invalid username, email or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('locks the address out of an account after 5 failed sign-ins, for a minute at first', async () => {
    const { fields } = await registered();
    for (let attempt = 0; attempt < 5; attempt++) {
      const failed = await login(fields.username, `wrong password ${attempt}`);
      expect(failed.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
    const limited = await login(fields.email, fields.password);
    expect(limited.data).toBeNull();
    const error = limited.errors?.[0];
    expect(error?.extensions?.['code']).toBe('RATE_LIMITED');
    const retryAfterSeconds = error?.extensions?.['retryAfterSeconds'] as number;
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(error?.message).toContain(`${retryAfterSeconds} seconds`);
  });
});

describe('access tokens', () => {
  const header = (token: string) => decodeProtectedHeader(token);

  it('verify against the JWKS with the pinned algorithm, issuer and audience', async () => {
    const { payload } = await registered();
    const jwks = createRemoteJWKSet(new URL(stack.identity.jwksUrl));
    const { payload: claims, protectedHeader } = await jwtVerify(payload.accessToken, jwks, {
      algorithms: ['ES256'],
      issuer: 'play-economy-identity',
      audience: 'play-economy',
      typ: 'at+jwt',
    });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'at+jwt', kid: expect.any(String) });
    expect(claims).toMatchObject({
      sub: payload.user.id,
      roles: ['PLAYER'],
      iss: 'play-economy-identity',
      aud: 'play-economy',
      jti: expect.any(String),
    });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(60);
  });

  it('are refused by verifiers expecting another audience or algorithm', async () => {
    const { payload } = await registered();
    const jwks = createRemoteJWKSet(new URL(stack.identity.jwksUrl));
    await expect(jwtVerify(payload.accessToken, jwks, { audience: 'elsewhere' })).rejects.toThrow();
    await expect(jwtVerify(payload.accessToken, jwks, { algorithms: ['RS256'] })).rejects.toThrow();
  });

  it('keep verifying after a key rotation, while new ones use the new key', async () => {
    const before = (await registered()).payload.accessToken;
    const rotated = await stack.identity.useCases.rotateSigningKey.execute();
    const after = (await registered()).payload.accessToken;
    expect(header(after).kid).toBe(rotated.kid);
    expect(header(before).kid).not.toBe(rotated.kid);

    // A fresh key set, as a verifier starting after the rotation would have.
    const jwks = createRemoteJWKSet(new URL(stack.identity.jwksUrl));
    const options = {
      algorithms: ['ES256'],
      issuer: 'play-economy-identity',
      audience: 'play-economy',
    };
    await expect(jwtVerify(before, jwks, options)).resolves.toBeDefined();
    await expect(jwtVerify(after, jwks, options)).resolves.toBeDefined();
  });

  it('are published as public keys only, cacheable for five minutes, without the router secret', async () => {
    const response = await fetch(stack.identity.jwksUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
  });
});

describe('the identity subgraph itself', () => {
  it.each([
    ['no viewer header', {}],
    ['a forged signature', { 'x-play-economy-viewer': 'eyJyb2xlcyI6WyJBRE1JTiJdfQ.Zm9yZ2Vk' }],
  ])('refuses a direct GraphQL call with %s', async (_case, headers) => {
    const client = createGraphQLClient(stack.subgraphUrls['identity']!);
    const response = await client.request(
      `mutation { adjustGil(userId: "anyone", amount: 1000000) { gil } }`,
      {},
      headers,
    );
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses admin fields to an anonymous caller through the router', async () => {
    const users = await stack.client.request(`{ users { totalCount } }`);
    expect(users.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const adjust = await stack.client.request(
      `mutation { adjustGil(userId: "anyone", amount: 5) { gil } }`,
    );
    expect(adjust.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const me = await stack.client.request<{ me: unknown }>(`{ me { id } }`);
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toBeNull();
  });
});
