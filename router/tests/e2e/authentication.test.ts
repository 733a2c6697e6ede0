import { createLogger } from '@play-economy/chassis';
import { exportSPKI, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type RunningRouter } from '../../src/index.ts';
import { postGraphQL } from '../support/http.ts';
import { startTestStack, type TestStack } from '../support/startTestStack.ts';
import {
  aSigningKey,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TokenIssuer,
} from '../support/startTokenIssuer.ts';
import { TEST_ROUTER_SECRET, unusedUrl } from '../support/testSubgraphs.ts';

const WHOAMI = '{ whoami { userId roles } }';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens', () => {
  let stack: TestStack;
  let issuer: TokenIssuer;

  beforeAll(async () => {
    stack = await startTestStack({ secured: true, auth: true });
    issuer = stack.issuer!;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const asBearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('serves a request without a token as anonymous', async () => {
    const { status, body } = await postGraphQL(stack.router.url, WHOAMI);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { whoami: { userId: null, roles: [] } } });
  });

  it('forwards the verified viewer to subgraphs, signed', async () => {
    const token = await issuer.aToken().withSubject('user-42').withRoles('ADMIN', 'PLAYER').sign();
    const { status, body } = await postGraphQL(stack.router.url, WHOAMI, {}, asBearer(token));
    expect(status).toBe(200);
    expect(body).toEqual({ data: { whoami: { userId: 'user-42', roles: ['ADMIN', 'PLAYER'] } } });
  });

  it('accepts a token without a typ header and within the clock skew', async () => {
    const token = await issuer.aToken().withoutHeader('typ').expiringIn(-10).sign();
    const { body } = await postGraphQL(stack.router.url, WHOAMI, {}, asBearer(token));
    expect(body).toEqual({ data: { whoami: { userId: 'user-1', roles: ['PLAYER'] } } });
  });

  describe('refuses with 401 UNAUTHENTICATED, calling no subgraph', () => {
    const other = aSigningKey('not-published');
    const cases: [string, () => Promise<string>][] = [
      ['an expired token', () => issuer.aToken().expiringIn(-120).sign()],
      [
        'a token not valid yet',
        () =>
          issuer
            .aToken()
            .withClaims({ nbf: Math.floor(Date.now() / 1000) + 120 })
            .sign(),
      ],
      [
        'a token signed by an unknown key',
        async () =>
          issuer
            .aToken()
            .signedWith(await other)
            .sign(),
      ],
      [
        'a token naming a published key but signed by another',
        async () =>
          issuer
            .aToken()
            .signedWith(await other)
            .withHeader({ kid: issuer.key.kid })
            .sign(),
      ],
      [
        'an unsigned token (alg: none)',
        async () => {
          const claims = issuer.aToken().claims();
          return `${base64url({ alg: 'none', typ: 'at+jwt' })}.${base64url(claims)}.`;
        },
      ],
      [
        'a token signed with HS256 using the public key as the secret',
        async () => {
          const secret = new TextEncoder().encode(await exportSPKI(issuer.key.publicKey));
          return new SignJWT(issuer.aToken().claims())
            .setProtectedHeader({ alg: 'HS256', kid: issuer.key.kid, typ: 'at+jwt' })
            .sign(secret);
        },
      ],
      [
        'a token for another audience',
        () => issuer.aToken().withClaims({ aud: 'elsewhere' }).sign(),
      ],
      ['a token from another issuer', () => issuer.aToken().withClaims({ iss: 'impostor' }).sign()],
      [
        'a token whose payload was changed after signing',
        async () => {
          const [header, , signature] = (await issuer.aToken().sign()).split('.');
          const forged = base64url({ ...issuer.aToken().claims(), roles: ['ADMIN'] });
          return `${header}.${forged}.${signature}`;
        },
      ],
      ['a token without sub', () => issuer.aToken().without('sub').sign()],
      ['a token without jti', () => issuer.aToken().without('jti').sign()],
      ['a token without exp', () => issuer.aToken().without('exp').sign()],
      [
        'a token whose roles are not a list',
        () => issuer.aToken().withClaims({ roles: 'ADMIN' }).sign(),
      ],
      [
        'a token with an unknown role',
        () =>
          issuer
            .aToken()
            .withClaims({ roles: ['ROOT'] })
            .sign(),
      ],
      ['a token of another type', () => issuer.aToken().withHeader({ typ: 'id+jwt' }).sign()],
      ['garbage', async () => 'not-a-jwt'],
    ];

    it.each(cases)('%s', async (_name, makeToken) => {
      const token = await makeToken();
      const before = stack.products.requests() + stack.reviews.requests();
      const { status, headers, body } = await postGraphQL(
        stack.router.url,
        '{ whoami { userId } products { name } }',
        {},
        asBearer(token),
      );
      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(body).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }],
      });
      expect(stack.products.requests() + stack.reviews.requests()).toBe(before);
    });

    it.each([
      ['another scheme', 'Basic dXNlcjpwYXNzd29yZA=='],
      ['a bearer without a token', 'Bearer'],
      ['an empty header', ''],
    ])('%s', async (_name, authorization) => {
      const before = stack.products.requests();
      const { status, headers, body } = await postGraphQL(
        stack.router.url,
        WHOAMI,
        {},
        { authorization },
      );
      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toBe('Bearer error="invalid_request"');
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(stack.products.requests()).toBe(before);
    });

    it('tells an expired token apart, so clients know to refresh', async () => {
      const token = await issuer.aToken().expiringIn(-120).sign();
      const { body } = await postGraphQL(stack.router.url, WHOAMI, {}, asBearer(token));
      expect(body.errors?.[0]?.message).toBe('The access token has expired');
    });

    it('refuses a bad token on GET too', async () => {
      const response = await fetch(`${stack.router.url}?query=${encodeURIComponent(WHOAMI)}`, {
        headers: { 'apollo-require-preflight': 'true', authorization: 'Bearer nope' },
      });
      expect(response.status).toBe(401);
    });
  });

  describe('key rotation', () => {
    it('verifies a token signed with a newly published key, and the old key meanwhile', async () => {
      const oldKey = issuer.key;
      const oldToken = await issuer.aToken().withSubject('old').sign();
      const newKey = await aSigningKey('rotated-in');
      issuer.publish(newKey, oldKey);
      const fetches = issuer.jwksFetches();

      const newToken = await issuer.aToken().withSubject('new').sign();
      const fresh = await postGraphQL(stack.router.url, WHOAMI, {}, asBearer(newToken));
      expect(fresh.body.data).toEqual({ whoami: { userId: 'new', roles: ['PLAYER'] } });
      // The unknown kid made the router fetch the key set again.
      expect(issuer.jwksFetches()).toBe(fetches + 1);

      const old = await postGraphQL(stack.router.url, WHOAMI, {}, asBearer(oldToken));
      expect(old.body.data).toEqual({ whoami: { userId: 'old', roles: ['PLAYER'] } });
    });

    it('stops accepting a withdrawn key once the key set is fetched again', async () => {
      const [current] = [issuer.key];
      const withdrawn = await aSigningKey('withdrawn');
      issuer.publish(current, withdrawn);
      const withdrawnToken = await issuer.aToken().signedWith(withdrawn).sign();
      expect(
        (await postGraphQL(stack.router.url, WHOAMI, {}, asBearer(withdrawnToken))).status,
      ).toBe(200);

      issuer.publish(current);
      // Any unknown kid triggers a refetch, which forgets the withdrawn key.
      const unknown = await issuer
        .aToken()
        .signedWith(await aSigningKey('unknown'))
        .sign();
      expect((await postGraphQL(stack.router.url, WHOAMI, {}, asBearer(unknown))).status).toBe(401);
      expect(
        (await postGraphQL(stack.router.url, WHOAMI, {}, asBearer(withdrawnToken))).status,
      ).toBe(401);
    });
  });

  describe('when the key set cannot be fetched', () => {
    it('answers token-bearing requests with 503 and still serves anonymous ones', async () => {
      const known = await issuer.aToken().sign();
      issuer.failing = true;
      try {
        const unknownKid = await issuer
          .aToken()
          .signedWith(await aSigningKey())
          .sign();
        const before = stack.products.requests();
        const { status, body } = await postGraphQL(
          stack.router.url,
          WHOAMI,
          {},
          asBearer(unknownKid),
        );
        expect(status).toBe(503);
        expect(body).toEqual({
          errors: [
            {
              message: 'Access tokens cannot be verified right now; try again later.',
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            },
          ],
        });
        expect(stack.products.requests()).toBe(before);

        // Keys already fetched keep working.
        const cached = await postGraphQL(stack.router.url, WHOAMI, {}, asBearer(known));
        expect(cached.status).toBe(200);
        const anonymous = await postGraphQL(stack.router.url, WHOAMI);
        expect(anonymous.body).toEqual({ data: { whoami: { userId: null, roles: [] } } });
      } finally {
        issuer.failing = false;
      }
    });

    it('answers 503 when the key set URL does not answer at all', async () => {
      const router = await startRouter({
        jwksUrl: (await unusedUrl()).replace('/graphql', '/.well-known/jwks.json'),
        issuer: TEST_ISSUER,
        audience: TEST_AUDIENCE,
      });
      try {
        const token = await issuer.aToken().sign();
        const { status } = await postGraphQL(router.url, WHOAMI, {}, asBearer(token));
        expect(status).toBe(503);
        expect((await postGraphQL(router.url, WHOAMI)).status).toBe(200);
      } finally {
        await router.stop();
      }
    });
  });

  it('refuses every token when the router is not configured to verify them', async () => {
    const router = await startRouter(undefined);
    try {
      const token = await issuer.aToken().sign();
      const { status, headers, body } = await postGraphQL(router.url, WHOAMI, {}, asBearer(token));
      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect((await postGraphQL(router.url, WHOAMI)).status).toBe(200);
    } finally {
      await router.stop();
    }
  });

  /** A second router over the stack's supergraph, with other token settings. */
  function startRouter(auth: Parameters<typeof createRouter>[0]['auth']): Promise<RunningRouter> {
    return createRouter({
      supergraphPath: stack.supergraphPath,
      port: 0,
      host: '127.0.0.1',
      routerSecret: TEST_ROUTER_SECRET,
      watchSupergraph: false,
      logger: createLogger({ service: 'router', level: 'silent' }),
      ...(auth ? { auth } : {}),
    });
  }
});
