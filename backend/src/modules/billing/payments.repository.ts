import type { Kysely, Transaction } from 'kysely';
import { nowIso, toNumber } from '../../db/database';
import type { Database, PaymentRow, PaymentsTable } from '../../db/types';
import { notFound } from '../../errors';

type Executor = Kysely<Database> | Transaction<Database>;
export type PaymentStatus = PaymentsTable['status'];

function normalise(row: PaymentRow): PaymentRow {
  return {
    ...row,
    user_id: toNumber(row.user_id),
    amount_cents: toNumber(row.amount_cents),
    credits: toNumber(row.credits),
  };
}

/** True for a unique-index violation on either dialect: the database decided a race. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  return (
    e?.code === 'ER_DUP_ENTRY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed|Duplicate entry/.test(e?.message ?? '')
  );
}

export async function listPayments(db: Executor, userId: number): Promise<PaymentRow[]> {
  const rows = await db
    .selectFrom('payments')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(normalise);
}

export async function findPaymentBySession(
  db: Executor,
  userId: number,
  sessionId: string,
): Promise<PaymentRow | undefined> {
  const row = await db
    .selectFrom('payments')
    .selectAll()
    .where('user_id', '=', userId)
    .where('stripe_session_id', '=', sessionId)
    .executeTakeFirst();
  return row && normalise(row);
}

export async function getPaymentBySession(db: Executor, userId: number, sessionId: string): Promise<PaymentRow> {
  const payment = await findPaymentBySession(db, userId, sessionId);
  if (!payment) {
    throw notFound('Payment');
  }
  return payment;
}

/**
 * Who a session belongs to, before we know the user: the webhook arrives without one. This is the only
 * unscoped payments query, and it reveals nothing but the owner's id to the server itself.
 */
export async function findPaymentOwner(db: Executor, sessionId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('payments')
    .select('user_id')
    .where('stripe_session_id', '=', sessionId)
    .executeTakeFirst();
  return row ? toNumber(row.user_id) : undefined;
}

/**
 * Records a checkout. Returns false when a row for the session already exists (two deliveries about a
 * session created elsewhere raced here; the unique index on stripe_session_id keeps one).
 */
export async function insertPayment(
  db: Executor,
  values: {
    userId: number;
    sessionId: string;
    paymentIntent: string | null;
    amountCents: number;
    currency: string;
    credits: number;
    status: PaymentStatus;
  },
): Promise<boolean> {
  const now = nowIso();
  try {
    await db
      .insertInto('payments')
      .values({
        user_id: values.userId,
        stripe_session_id: values.sessionId,
        stripe_payment_intent: values.paymentIntent,
        amount_cents: values.amountCents,
        currency: values.currency,
        credits: values.credits,
        status: values.status,
        created_at: now,
        updated_at: now,
        credited_at: null,
      })
      .execute();
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) {
      return false;
    }
    throw err;
  }
}

/**
 * Marks the payment paid and credited — only if it was not credited before. Returns true for the one
 * caller that flipped it; every replay, late or concurrent delivery gets false. The row lock this UPDATE
 * takes serialises racing transactions on MySQL; SQLite runs one writer at a time anyway.
 */
export async function markPaymentCredited(
  trx: Transaction<Database>,
  userId: number,
  sessionId: string,
  paymentIntent: string | null,
): Promise<boolean> {
  const now = nowIso();
  const result = await trx
    .updateTable('payments')
    .set({ status: 'paid', credited_at: now, updated_at: now, stripe_payment_intent: paymentIntent })
    .where('user_id', '=', userId)
    .where('stripe_session_id', '=', sessionId)
    .where('credited_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a non-paid outcome; a payment already credited keeps its `paid` status whatever arrives late. */
export async function updateUncreditedPaymentStatus(
  db: Executor,
  userId: number,
  sessionId: string,
  status: Exclude<PaymentStatus, 'paid'>,
): Promise<void> {
  await db
    .updateTable('payments')
    .set({ status, updated_at: nowIso() })
    .where('user_id', '=', userId)
    .where('stripe_session_id', '=', sessionId)
    .where('credited_at', 'is', null)
    .execute();
}

export async function addPaidCredits(trx: Transaction<Database>, userId: number, credits: number): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({ paid_credits: eb('paid_credits', '+', credits), updated_at: nowIso() }))
    .where('id', '=', userId)
    .execute();
}

/**
 * One row per Stripe event id, whatever the number of deliveries. A redelivery keeps the first outcome
 * unless that one was an error (then the retry's outcome replaces it).
 */
export async function recordPaymentEvent(
  db: Executor,
  values: { eventId: string; type: string; sessionId: string | null; outcome: string },
): Promise<void> {
  const outcome = values.outcome.slice(0, 255);
  try {
    await db
      .insertInto('payment_events')
      .values({
        stripe_event_id: values.eventId,
        type: values.type.slice(0, 64),
        stripe_session_id: values.sessionId,
        outcome,
        created_at: nowIso(),
      })
      .execute();
  } catch (err) {
    if (!isUniqueViolation(err)) {
      throw err;
    }
    await db
      .updateTable('payment_events')
      .set({ outcome })
      .where('stripe_event_id', '=', values.eventId)
      .where('outcome', 'like', 'error%')
      .execute();
  }
}

export async function findPaymentEvent(
  db: Executor,
  eventId: string,
): Promise<{ stripe_event_id: string; type: string; stripe_session_id: string | null; outcome: string } | undefined> {
  return db
    .selectFrom('payment_events')
    .select(['stripe_event_id', 'type', 'stripe_session_id', 'outcome'])
    .where('stripe_event_id', '=', eventId)
    .executeTakeFirst();
}
