import type { Kysely } from 'kysely';

// Security state that must hold across restarts and across several API processes sharing one database:
// a per-user token version (a password reset ends every session), the one live email-verification link,
// fixed-window request counters and per-account login lockouts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('email_verification_nonce', 'varchar(64)').execute();

  // Keys are `<scope>:<sha256 of the subject>` (an IP, an email address, a user id), so the table holds
  // no addresses in clear and every key fits an indexed varchar on MySQL.
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('counter_key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_counters_window_idx').on('rate_limit_counters').column('window_ends_at').execute();

  await db.schema
    .createTable('login_lockouts')
    .addColumn('account_key', 'varchar(100)', (c) => c.primaryKey())
    /** Attempts in the current window that did not succeed (an attempt counts from the moment it starts). */
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'varchar(32)', (c) => c.notNull())
    /** Lockouts since the last successful login: each one lasts twice as long as the one before. */
    .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_lockouts_updated_idx').on('login_lockouts').column('updated_at').execute();

  await db.schema
    .createIndex('password_reset_tokens_user_idx')
    .on('password_reset_tokens')
    .columns(['user_id', 'used_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('password_reset_tokens_user_idx').on('password_reset_tokens').execute();
  await db.schema.dropTable('login_lockouts').ifExists().execute();
  await db.schema.dropTable('rate_limit_counters').ifExists().execute();
  await db.schema.alterTable('users').dropColumn('email_verification_nonce').execute();
  await db.schema.alterTable('users').dropColumn('token_version').execute();
}
