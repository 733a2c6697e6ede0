import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { listen, type Role } from '@play-economy/chassis';
import express from 'express';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
  type KeyLike,
} from 'jose';

export const TEST_ISSUER = 'test-identity';
export const TEST_AUDIENCE = 'test-economy';

/** An ES256 key pair with its key id. */
export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyLike;
  publicJwk: JWK;
}

/** A fresh ES256 key pair. */
export async function aSigningKey(kid = `key-${randomUUID()}`): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, publicKey, publicJwk: await exportJWK(publicKey) };
}

/** A tiny identity service for tests: a JWKS on loopback and a token builder. */
export interface TokenIssuer {
  /** The JWKS URL to give the router. */
  jwksUrl: string;
  /** The key tokens are signed with unless told otherwise; published from the start. */
  readonly key: SigningKey;
  /** Replaces the published keys (the first becomes `key`). */
  publish(...keys: SigningKey[]): void;
  /** While true the JWKS answers 500, as a broken identity service would. */
  failing: boolean;
  /** How many times the JWKS was fetched. */
  jwksFetches(): number;
  /** A valid access token for a player, to adjust before `sign()`. */
  aToken(): TokenBuilder;
  stop(): Promise<void>;
}

export async function startTokenIssuer(): Promise<TokenIssuer> {
  let published = [await aSigningKey()];
  let fetches = 0;
  const app = express();
  const issuer: TokenIssuer = {
    jwksUrl: '',
    get key() {
      return published[0]!;
    },
    publish: (...keys) => {
      published = keys;
    },
    failing: false,
    jwksFetches: () => fetches,
    aToken: () => new TokenBuilder(issuer.key),
    stop: () => closeServer(server),
  };
  app.get('/.well-known/jwks.json', (_req, res) => {
    fetches += 1;
    if (issuer.failing) {
      res.status(500).json({ error: 'identity is down' });
      return;
    }
    res.json({
      keys: published.map(({ kid, publicJwk }) => ({
        ...publicJwk,
        kid,
        alg: 'ES256',
        use: 'sig',
      })),
    });
  });
  const { server, port } = await listen(app, 0, '127.0.0.1');
  issuer.jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`;
  return issuer;
}

/** Builds an access token: a valid player token by default, each `with…` changes one thing. */
export class TokenBuilder {
  #key: SigningKey;
  #header: JWTHeaderParameters;
  #claims: JWTPayload;

  constructor(key: SigningKey) {
    const now = Math.floor(Date.now() / 1000);
    this.#key = key;
    this.#header = { alg: 'ES256', kid: key.kid, typ: 'at+jwt' };
    this.#claims = {
      iss: TEST_ISSUER,
      aud: TEST_AUDIENCE,
      sub: 'user-1',
      roles: ['PLAYER'],
      jti: randomUUID(),
      iat: now,
      exp: now + 300,
    };
  }

  withSubject(sub: string): this {
    return this.withClaims({ sub });
  }

  withRoles(...roles: Role[]): this {
    return this.withClaims({ roles });
  }

  withClaims(claims: JWTPayload): this {
    this.#claims = { ...this.#claims, ...claims };
    return this;
  }

  without(claim: string): this {
    const { [claim]: _removed, ...rest } = this.#claims;
    this.#claims = rest;
    return this;
  }

  /** `exp` this many seconds from now (negative: already expired). */
  expiringIn(seconds: number): this {
    return this.withClaims({ exp: Math.floor(Date.now() / 1000) + seconds });
  }

  withHeader(header: Partial<JWTHeaderParameters>): this {
    this.#header = { ...this.#header, ...header };
    return this;
  }

  withoutHeader(name: string): this {
    const { [name]: _removed, ...rest } = this.#header;
    this.#header = { ...rest, alg: this.#header.alg };
    return this;
  }

  /** Signs with `key`, keeping its `kid` in the header unless `withHeader` says otherwise. */
  signedWith(key: SigningKey): this {
    this.#key = key;
    this.#header = { ...this.#header, kid: key.kid };
    return this;
  }

  /** The claims as they will be signed. */
  claims(): JWTPayload {
    return { ...this.#claims };
  }

  sign(): Promise<string> {
    return new SignJWT(this.#claims).setProtectedHeader(this.#header).sign(this.#key.privateKey);
  }
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
