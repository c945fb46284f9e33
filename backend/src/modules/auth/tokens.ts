import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Config } from '../../config';

export type TokenPurpose = 'access' | 'verify-email';

const VERIFY_EMAIL_TTL_SECONDS = 24 * 3600;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export async function signAccessToken(jwt: Config['jwt'], userId: number): Promise<string> {
  return new SignJWT({ purpose: 'access' })
    .setProtectedHeader({ alg: jwt.algorithm })
    .setSubject(String(userId))
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + jwt.expiresInSeconds)
    .sign(jwt.secret);
}

/** The email is inside the token, so a link stops working if the address it was sent to changes. */
export async function signEmailVerificationToken(
  jwt: Config['jwt'],
  userId: number,
  email: string,
  ttlSeconds = VERIFY_EMAIL_TTL_SECONDS,
): Promise<string> {
  return new SignJWT({ purpose: 'verify-email', email })
    .setProtectedHeader({ alg: jwt.algorithm })
    .setSubject(String(userId))
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(jwt.secret);
}

export type TokenCheck =
  | { ok: true; userId: number; email?: string }
  | { ok: false; reason: 'expired' | 'invalid' };

export async function verifyToken(jwt: Config['jwt'], token: string, purpose: TokenPurpose): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, jwt.secret, { algorithms: [jwt.algorithm] });
    const userId = Number(payload.sub);
    if (payload['purpose'] !== purpose || !Number.isInteger(userId) || userId <= 0) {
      return { ok: false, reason: 'invalid' };
    }
    const email = typeof payload['email'] === 'string' ? payload['email'] : undefined;
    return { ok: true, userId, email };
  } catch (err) {
    return { ok: false, reason: err instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' };
  }
}

/** Reset tokens are random and stored only as a hash: a database leak does not leak usable links. */
export function newResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashResetToken(token) };
}

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
