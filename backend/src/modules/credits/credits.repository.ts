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
 * Takes up to `wanted` credits, free trial first, and returns how many came from each balance.
 * Each UPDATE is guarded (`WHERE balance >= n`), so concurrent uploads can never push a balance below zero:
 * a guard that fails re-reads the balance and tries again.
 */
export async function reserveCredits(
  trx: DB,
  userId: number,
  wanted: number,
): Promise<{ trial: number; paid: number }> {
  const taken = { trial: 0, paid: 0 };
  for (const source of ['trial', 'paid'] as const) {
    const column = source === 'trial' ? 'free_trial_remaining' : 'paid_credits';
    for (let attempt = 0; attempt < 20 && taken.trial + taken.paid < wanted; attempt++) {
      const balance = await getBalance(trx, userId);
      const take = Math.min(wanted - taken.trial - taken.paid, source === 'trial' ? balance.trial : balance.paid);
      if (take <= 0) {
        break;
      }
      const result = await trx
        .updateTable('users')
        .set((eb) => ({ [column]: eb(column, '-', take), updated_at: nowIso() }))
        .where('id', '=', userId)
        .where(column, '>=', take)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) {
        taken[source] += take;
        break;
      }
    }
  }
  return taken;
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
