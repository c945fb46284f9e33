import { hash, verify } from '@node-rs/argon2';
import type { LoginRequest, SignupRequest, User } from '@shortlist/contracts';
import type { Config } from '../../config';
import type { DB } from '../../db/database';
import type { UserRow } from '../../db/types';
import { AppError } from '../../errors';
import type { Mailer } from './mailer';
import { enforceSubjectLimit, loginAccountKey, loginLockout } from './throttle';
import {
  PASSWORD_RESET_TTL_MS,
  hashResetToken,
  newNonce,
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

// One answer for a taken username and a taken email: which of the two exists is not for a stranger to learn.
const ACCOUNT_EXISTS = 'That username or email is already registered — log in, reset your password or pick another username';

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === 'ER_DUP_ENTRY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/.test(e?.message ?? '');
}

export async function signup(deps: AuthDeps, input: SignupRequest): Promise<User> {
  const { db, config } = deps;
  const [byUsername, byEmail] = await Promise.all([
    users.findUserByUsername(db, input.username),
    users.findUserByEmail(db, input.email),
  ]);
  if (byUsername || byEmail) {
    throw new AppError('CONFLICT', ACCOUNT_EXISTS);
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
      throw new AppError('CONFLICT', ACCOUNT_EXISTS);
    }
    throw err;
  }
  await sendVerificationEmail(deps, user);
  return toPublicUser(user);
}

async function sendVerificationEmail(deps: AuthDeps, user: UserRow): Promise<void> {
  const nonce = newNonce();
  await users.setEmailVerificationNonce(deps.db, user.id, nonce);
  const token = await signEmailVerificationToken(deps.config.jwt, { userId: user.id, email: user.email, nonce });
  const link = `${deps.config.appUrl}/verify-email?token=${encodeURIComponent(token)}`;
  await deps.mailer.send({
    to: user.email,
    subject: 'Verify your Shortlist email',
    link,
    text: `Hi ${user.username},\n\nConfirm your email address to start screening resumes:\n\n${link}\n\nThe link works once and expires in 24 hours. If you did not sign up, ignore this email.\n`,
  });
}

/**
 * Reset and verification emails are limited per address, whether or not an account has it: the same 429 for
 * both, so the limit cannot be used to probe for accounts, and nobody's inbox can be flooded.
 */
function limitEmailsTo(deps: AuthDeps, kind: 'reset' | 'verify', email: string): Promise<void> {
  return enforceSubjectLimit(
    deps.db,
    `${kind}-email`,
    email,
    deps.config.security.authEmailLimit,
    kind === 'reset' ? 'Too many reset emails for this address' : 'Too many verification emails for this address',
  );
}

export async function resendVerification(deps: AuthDeps, email: string): Promise<void> {
  await limitEmailsTo(deps, 'verify', email);
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
  const { email, nonce } = check.claims;
  const user = await users.findUserById(deps.db, check.userId);
  if (!user || typeof nonce !== 'string' || user.email !== email) {
    throw new AppError('BAD_REQUEST', 'This verification link is not valid');
  }
  if (!(await users.consumeEmailVerification(deps.db, user.id, nonce))) {
    throw new AppError('BAD_REQUEST', 'This verification link was already used or replaced by a newer one');
  }
  return toPublicUser({ ...user, is_verified: 1 });
}

export async function login(deps: AuthDeps, input: LoginRequest): Promise<{ token: string; user: User }> {
  const { db } = deps;
  const identifier = input.email ?? input.username ?? '';
  const user = input.email ? await users.findUserByEmail(db, input.email) : await users.findUserByUsername(db, identifier);
  // Failures count per account whatever IP they come from; an unknown name is counted the same way.
  const lockout = loginLockout(db, deps.config.security.loginLockout);
  const accountKey = loginAccountKey(user, identifier);
  await lockout.start(accountKey);
  let isValid = false;
  if (user) {
    isValid = await verify(user.password_hash, input.password).catch(() => false);
  } else {
    // Verify against a dummy hash, so an unknown user takes as long as a wrong password.
    dummyHash ??= hash('not-a-real-password');
    await verify(await dummyHash, input.password).catch(() => false);
  }
  if (!user || !isValid) {
    await lockout.failed(accountKey);
    throw new AppError('UNAUTHORIZED', INVALID_LOGIN);
  }
  await lockout.succeeded(accountKey);
  return { token: await signAccessToken(deps.config.jwt, user.id, user.token_version), user: toPublicUser(user) };
}

export async function getProfile(deps: Pick<AuthDeps, 'db'>, userId: number): Promise<User> {
  return toPublicUser(await users.getUserById(deps.db, userId));
}

export async function forgotPassword(deps: AuthDeps, email: string): Promise<void> {
  await limitEmailsTo(deps, 'reset', email);
  const user = await users.findUserByEmail(deps.db, email);
  if (!user) {
    return;
  }
  const { token, tokenHash } = newResetToken();
  await deps.db.transaction().execute(async (trx) => {
    await users.replacePasswordResetToken(trx, {
      userId: user.id,
      tokenHash,
      expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS).toISOString(),
    });
  });
  const link = `${deps.config.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
  await deps.mailer.send({
    to: user.email,
    subject: 'Reset your Shortlist password',
    link,
    text: `Hi ${user.username},\n\nSet a new password here:\n\n${link}\n\nThe link works once, replaces any earlier one and expires in 1 hour. If you did not ask for this, ignore this email.\n`,
  });
}

/**
 * Sets the new password, retires every reset link of the account and bumps its token version, which signs out
 * every session — including an attacker's. Proving access to the mailbox also lifts a login lockout.
 */
export async function resetPassword(deps: AuthDeps, token: string, password: string): Promise<void> {
  const passwordHash = await hash(password);
  const userId = await deps.db.transaction().execute(async (trx) => {
    const owner = await users.consumePasswordResetToken(trx, hashResetToken(token));
    if (owner === undefined) {
      throw new AppError('BAD_REQUEST', 'This reset link is invalid, expired or already used — request a new one');
    }
    await users.changePassword(trx, owner, passwordHash);
    return owner;
  });
  await loginLockout(deps.db, deps.config.security.loginLockout).succeeded(loginAccountKey({ id: userId }, ''));
}
