import { hash, verify } from '@node-rs/argon2';
import type { LoginRequest, SignupRequest, User } from '@shortlist/contracts';
import type { Config } from '../../config';
import type { DB } from '../../db/database';
import type { UserRow } from '../../db/types';
import { AppError } from '../../errors';
import type { Mailer } from './mailer';
import {
  PASSWORD_RESET_TTL_MS,
  hashResetToken,
  newResetToken,
  signAccessToken,
  signEmailVerificationToken,
  verifyToken,
} from './tokens';
import * as users from './users.repository';

export interface AuthDeps {
  db: DB;
  config: Config;
  mailer: Mailer;
}

export function toPublicUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    is_verified: row.is_verified === 1,
    free_trial_remaining: row.free_trial_remaining,
    paid_credits: row.paid_credits,
    created_at: row.created_at,
  };
}

const INVALID_LOGIN = 'Invalid email/username or password';
// A hash to verify against when the user does not exist, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === 'ER_DUP_ENTRY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/.test(e?.message ?? '');
}

export async function signup(deps: AuthDeps, input: SignupRequest): Promise<User> {
  const { db, config } = deps;
  if (await users.findUserByUsername(db, input.username)) {
    throw new AppError('CONFLICT', 'That username is taken — choose another');
  }
  if (await users.findUserByEmail(db, input.email)) {
    throw new AppError('CONFLICT', 'An account with that email already exists — log in or reset your password');
  }
  const passwordHash = await hash(input.password);
  let user: UserRow;
  try {
    user = await users.insertUser(db, {
      username: input.username,
      email: input.email,
      passwordHash,
      freeTrialCredits: config.freeTrialCredits,
    });
  } catch (err) {
    // Two signups raced past the checks above; the unique index decides.
    if (isUniqueViolation(err)) {
      throw new AppError('CONFLICT', 'That username or email is already registered');
    }
    throw err;
  }
  await sendVerificationEmail(deps, user);
  return toPublicUser(user);
}

async function sendVerificationEmail(deps: AuthDeps, user: UserRow): Promise<void> {
  const token = await signEmailVerificationToken(deps.config.jwt, user.id, user.email);
  const link = `${deps.config.appUrl}/verify-email?token=${encodeURIComponent(token)}`;
  await deps.mailer.send({
    to: user.email,
    subject: 'Verify your Shortlist email',
    link,
    text: `Hi ${user.username},\n\nConfirm your email address to start screening resumes:\n\n${link}\n\nThe link expires in 24 hours. If you did not sign up, ignore this email.\n`,
  });
}

export async function resendVerification(deps: AuthDeps, email: string): Promise<void> {
  const user = await users.findUserByEmail(deps.db, email);
  // Same answer whether or not the address exists, so this endpoint cannot be used to probe accounts.
  if (user && user.is_verified === 0) {
    await sendVerificationEmail(deps, user);
  }
}

export async function verifyEmail(deps: AuthDeps, token: string): Promise<User> {
  const check = await verifyToken(deps.config.jwt, token, 'verify-email');
  if (!check.ok) {
    throw new AppError(
      'BAD_REQUEST',
      check.reason === 'expired'
        ? 'This verification link has expired — request a new one'
        : 'This verification link is not valid',
    );
  }
  const user = await users.findUserById(deps.db, check.userId);
  if (!user || user.email !== check.email) {
    throw new AppError('BAD_REQUEST', 'This verification link is not valid');
  }
  if (user.is_verified === 0) {
    await users.markUserVerified(deps.db, user.id);
  }
  return toPublicUser({ ...user, is_verified: 1 });
}

export async function login(deps: AuthDeps, input: LoginRequest): Promise<{ token: string; user: User }> {
  const { db } = deps;
  const user = input.email
    ? await users.findUserByEmail(db, input.email)
    : await users.findUserByUsername(db, input.username ?? '');
  if (!user) {
    dummyHash ??= hash('not-a-real-password');
    await verify(await dummyHash, input.password).catch(() => false);
    throw new AppError('UNAUTHORIZED', INVALID_LOGIN);
  }
  const isValid = await verify(user.password_hash, input.password).catch(() => false);
  if (!isValid) {
    throw new AppError('UNAUTHORIZED', INVALID_LOGIN);
  }
  return { token: await signAccessToken(deps.config.jwt, user.id), user: toPublicUser(user) };
}

export async function getProfile(deps: Pick<AuthDeps, 'db'>, userId: number): Promise<User> {
  return toPublicUser(await users.getUserById(deps.db, userId));
}

export async function forgotPassword(deps: AuthDeps, email: string): Promise<void> {
  const user = await users.findUserByEmail(deps.db, email);
  if (!user) {
    return;
  }
  const { token, tokenHash } = newResetToken();
  await users.insertPasswordResetToken(deps.db, {
    userId: user.id,
    tokenHash,
    expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS).toISOString(),
  });
  const link = `${deps.config.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
  await deps.mailer.send({
    to: user.email,
    subject: 'Reset your Shortlist password',
    link,
    text: `Hi ${user.username},\n\nSet a new password here:\n\n${link}\n\nThe link works once and expires in 1 hour. If you did not ask for this, ignore this email.\n`,
  });
}

export async function resetPassword(deps: AuthDeps, token: string, password: string): Promise<void> {
  const passwordHash = await hash(password);
  await deps.db.transaction().execute(async (trx) => {
    const userId = await users.consumePasswordResetToken(trx, hashResetToken(token));
    if (userId === undefined) {
      throw new AppError('BAD_REQUEST', 'This reset link is invalid, expired or already used — request a new one');
    }
    await users.updatePasswordHash(trx, userId, passwordHash);
  });
}
