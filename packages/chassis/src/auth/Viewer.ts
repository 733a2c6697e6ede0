import { createHmac, timingSafeEqual } from 'node:crypto';

/** Roles a user can hold; the router treats them as `@requiresScopes` scopes. */
export const Role = { Admin: 'ADMIN', Player: 'PLAYER' } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Who is calling, as the router verified it from the access token. */
export interface Viewer {
  userId: string;
  roles: readonly Role[];
}

/**
 * Header the router sets on every subgraph request: the verified viewer (or none, for an
 * anonymous caller) and an HMAC over it made with the secret only the router and the
 * subgraphs share. A request without a valid one did not come through the router.
 */
export const VIEWER_HEADER = 'x-play-economy-viewer';

/** How long a signed viewer is accepted after the router signed it. */
export const VIEWER_MAX_AGE_SECONDS = 300;

/** What the router attests about one request, besides who the caller is. */
export interface RequestOrigin {
  /** The client's address as the router saw it (after its trusted proxies). */
  clientIp?: string | undefined;
}

interface SignedClaims {
  /** The user id; absent for an anonymous caller. */
  sub?: string;
  roles: Role[];
  ip?: string;
  /** Seconds since the epoch when the router signed this. */
  iat: number;
}

function mac(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** `<base64url claims>.<base64url HMAC-SHA256>` for the given viewer (null: anonymous). */
export function signViewer(
  viewer: Viewer | null,
  secret: string,
  origin: RequestOrigin = {},
  now = Date.now(),
): string {
  const claims: SignedClaims = {
    ...(viewer ? { sub: viewer.userId } : {}),
    roles: viewer ? [...viewer.roles] : [],
    ...(origin.clientIp ? { ip: origin.clientIp } : {}),
    iat: Math.floor(now / 1000),
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

export type ViewerVerification =
  { ok: true; viewer: Viewer | null; origin: RequestOrigin } | { ok: false; reason: string };

const ROLES = new Set<string>(Object.values(Role));

/**
 * Checks a signed viewer header: the signature (in constant time), its age, and its shape.
 * `viewer: null` is a verified anonymous caller.
 */
export function verifyViewer(
  header: string | undefined,
  secret: string,
  now = Date.now(),
): ViewerVerification {
  if (!header) return { ok: false, reason: 'missing' };
  const [payload, signature, ...rest] = header.split('.');
  if (!payload || !signature || rest.length > 0) return { ok: false, reason: 'malformed' };
  const expected = mac(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad signature' };
  }
  let claims: Partial<SignedClaims>;
  try {
    claims = JSON.parse(
      Buffer.from(payload, 'base64url').toString('utf8'),
    ) as Partial<SignedClaims>;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const age = Math.floor(now / 1000) - (claims.iat ?? Number.NaN);
  if (!(age >= -60 && age <= VIEWER_MAX_AGE_SECONDS)) return { ok: false, reason: 'expired' };
  const roles = claims.roles;
  if (!Array.isArray(roles) || !roles.every((role) => ROLES.has(role))) {
    return { ok: false, reason: 'malformed' };
  }
  const origin = { clientIp: typeof claims.ip === 'string' ? claims.ip : undefined };
  if (claims.sub === undefined) return { ok: true, viewer: null, origin };
  if (typeof claims.sub !== 'string' || claims.sub === '') {
    return { ok: false, reason: 'malformed' };
  }
  return { ok: true, viewer: { userId: claims.sub, roles }, origin };
}
