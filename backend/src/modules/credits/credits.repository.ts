import { nowIso, toNumber, type DB } from '../../db/database';

export type CreditSource = 'trial' | 'paid';

export async function getBalance(db: DB, userId: number): Promise<{ trial: number; paid: number }> {
  const row = await db
    .selectFrom('users')
    .select(['free_trial_remaining', 'paid_credits'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return { trial: toNumber(row.free_trial_remaining), paid: toNumber(row.paid_credits) };
}

/**
 * Takes one credit, free trial first, with one guarded UPDATE per balance (no read first): concurrent uploads
 * can never overspend. Null when both balances are empty.
 */
export async function reserveOneCredit(trx: DB, userId: number): Promise<CreditSource | null> {
  for (const source of ['trial', 'paid'] as const) {
    const column = source === 'trial' ? 'free_trial_remaining' : 'paid_credits';
    const result = await trx
      .updateTable('users')
      .set((eb) => ({ [column]: eb(column, '-', 1), updated_at: nowIso() }))
      .where('id', '=', userId)
      .where(column, '>=', 1)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) {
      return source;
    }
  }
  return null;
}

/** Gives back one credit to the balance it came from (a file that failed after it was accepted). */
export async function refundCredit(trx: DB, userId: number, source: CreditSource): Promise<void> {
  const column = source === 'trial' ? 'free_trial_remaining' : 'paid_credits';
  await trx
    .updateTable('users')
    .set((eb) => ({ [column]: eb(column, '+', 1), updated_at: nowIso() }))
    .where('id', '=', userId)
    .execute();
}
