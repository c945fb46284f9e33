import { createHash, hkdfSync, randomBytes, webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import type { Config } from '../../config';

/**
 * What a token is for. Each purpose is its own JWT audience, and every check names the one it accepts, so a
 * verification link is never an access token and an access token is never a stream ticket.
 */
export type TokenPurpose = 'access' | 'verify-email' | 'job-events';

const ISSUER = 'shortlist';
const audienceOf = (purpose: TokenPurpose) => `shortlist:${purpose}`;

const VERIFY_EMAIL_TTL_SECONDS = 24 * 3600;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/**
 * Stream tickets are signed with a key derived from JWT_SECRET for that use alone: even a bug in the audience
 * check could not make a ticket verify as an access token, or the other way round.
 */
function keyFor(jwt: Config['jwt'], purpose: TokenPurpose): Promise<webcrypto.CryptoKey> {
  const kind = purpose === 'job-events' ? 'ticket' : 'token';
  let keys = keyCache.get(jwt.secret);
  if (!keys) {
    const hash = `SHA-${jwt.algorithm.slice(2)}`;
    const importKey = (raw: Uint8Array) =>
      webcrypto.subtle.importKey('raw', raw, { name: 'HMAC', hash }, false, ['sign', 'verify']);
    keys = {
      token: importKey(jwt.secret),
      ticket: importKey(new Uint8Array(hkdfSync('sha256', jwt.secret, new Uint8Array(0), 'shortlist job-events ticket v1', 32))),
    };
    keyCache.set(jwt.secret, keys);
  }
  return keys[kind];
}

/**
 * Keys imported into WebCrypto once per secret: handed raw bytes, jose imports them again on every call, which
 * cost a fifth of the API's time under 50 concurrent readers (`npm run bench:candidates -- --profile`).
 */
const keyCache = new WeakMap<Uint8Array, { token: Promise<webcrypto.CryptoKey>; ticket: Promise<webcrypto.CryptoKey> }>();

async function sign(jwt: Config['jwt'], purpose: TokenPurpose, subject: number, claims: JWTPayload, ttlSeconds: number) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: jwt.algorithm, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(audienceOf(purpose))
    .setSubject(String(subject))
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(await keyFor(jwt, purpose));
}

/** `tokenVersion` is the user's current version: a password reset bumps it and every older token stops working. */
export function signAccessToken(jwt: Config['jwt'], userId: number, tokenVersion: number): Promise<string> {
  return sign(jwt, 'access', userId, { ver: tokenVersion }, jwt.expiresInSeconds);
}

/**
 * The email is inside the token, so a link stops working if the address it was sent to changes; the nonce is the
 * one stored on the user, so only the latest link works, and only once.
 */
export function signEmailVerificationToken(
  jwt: Config['jwt'],
  link: { userId: number; email: string; nonce: string },
  ttlSeconds = VERIFY_EMAIL_TTL_SECONDS,
): Promise<string> {
  return sign(jwt, 'verify-email', link.userId, { email: link.email, nonce: link.nonce }, ttlSeconds);
}

export const STREAM_TICKET_TTL_SECONDS = 60;

/** A ticket for one job's event stream, for one user, for a minute. */
export function signStreamTicket(
  jwt: Config['jwt'],
  ticket: { userId: number; jobId: number; tokenVersion: number },
  ttlSeconds = STREAM_TICKET_TTL_SECONDS,
): Promise<string> {
  return sign(jwt, 'job-events', ticket.userId, { job: ticket.jobId, ver: ticket.tokenVersion }, ttlSeconds);
}

export type TokenCheck =
  | { ok: true; userId: number; claims: JWTPayload }
  | { ok: false; reason: 'expired' | 'invalid' };

/**
 * Verifies signature, algorithm (only the configured one; `none` never), issuer, audience and the presence of
 * `exp`, `iat` and `sub`. A token without an expiry would be a session that never ends, so it is refused.
 */
export async function verifyToken(jwt: Config['jwt'], token: string, purpose: TokenPurpose): Promise<TokenCheck> {
  const cached = purpose === 'access' ? verifiedAccessTokens.get(token) : undefined;
  if (cached && cached.secret === jwt.secret && cached.validUntilMs > Date.now()) {
    return cached.check;
  }
  const check = await verifyUncached(jwt, token, purpose);
  if (purpose === 'access' && check.ok) {
    rememberVerified(token, jwt.secret, check);
  }
  return check;
}

/**
 * Access tokens whose signature and claims were verified a moment ago. A session sends its token with every
 * request; re-verifying the same string each time is pure cost. An entry lives at most VERIFIED_TTL_MS and
 * never past the token's own `exp`; revocation does not depend on it (the guard checks the user's token
 * version on every request).
 */
const verifiedAccessTokens = new Map<string, { secret: Uint8Array; validUntilMs: number; check: TokenCheck }>();
const VERIFIED_TTL_MS = 30_000;
const VERIFIED_MAX = 10_000;

function rememberVerified(token: string, secret: Uint8Array, check: Extract<TokenCheck, { ok: true }>): void {
  const expMs = typeof check.claims.exp === 'number' ? check.claims.exp * 1000 : 0;
  verifiedAccessTokens.delete(token);
  verifiedAccessTokens.set(token, { secret, validUntilMs: Math.min(Date.now() + VERIFIED_TTL_MS, expMs), check });
  if (verifiedAccessTokens.size > VERIFIED_MAX) {
    const oldest = verifiedAccessTokens.keys().next().value;
    if (oldest !== undefined) {
      verifiedAccessTokens.delete(oldest);
    }
  }
}

async function verifyUncached(jwt: Config['jwt'], token: string, purpose: TokenPurpose): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, await keyFor(jwt, purpose), {
      algorithms: [jwt.algorithm],
      issuer: ISSUER,
      audience: audienceOf(purpose),
      requiredClaims: ['exp', 'iat', 'sub'],
      // An access token older than its lifetime, or dated in the future, is refused whatever its `exp` says.
      maxTokenAge: purpose === 'access' ? jwt.expiresInSeconds + 60 : undefined,
    });
    const userId = Number(payload.sub);
    if (!Number.isInteger(userId) || userId <= 0) {
      return { ok: false, reason: 'invalid' };
    }
    return { ok: true, userId, claims: payload };
  } catch (err) {
    return { ok: false, reason: err instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' };
  }
}

/** An integer claim, or undefined when it is missing or not an integer. */
export function integerClaim(claims: JWTPayload, name: string): number | undefined {
  const value = claims[name];
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Random, URL-safe, 128 bits: the nonce of an email-verification link. */
export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** Reset tokens are random and stored only as a hash: a database leak does not leak usable links. */
export function newResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashResetToken(token) };
}

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
