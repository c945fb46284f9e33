import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { toast } from 'sonner';
import { billingApi } from '../api/billing';
import { queryKeys, useBillingQuery } from '../api/queries';
import { Alert, Button, Card, EmptyState, ErrorState, PageLoading } from '../components/ui';
import { useAuth } from '../hooks/auth-context';
import { formatDate, formatInteger, formatMoneyCents } from '../lib/format';
import { ReceiptIcon } from '../components/icons';

const paymentStatusStyle: Record<string, string> = {
  paid: 'bg-emerald-100 text-emerald-800',
  pending: 'bg-amber-100 text-amber-800',
  unpaid: 'bg-amber-100 text-amber-800',
  expired: 'bg-slate-100 text-slate-600',
  failed: 'bg-rose-100 text-rose-800',
};

export function BillingPage() {
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('session_id');
  const { refreshUser } = useAuth();
  const client = useQueryClient();
  const billing = useBillingQuery();
  const [isRedirecting, setIsRedirecting] = useState(false);
  const [isConfirming, setIsConfirming] = useState(sessionId !== null);
  const confirmedSession = useRef<string | null>(null);

  useEffect(() => {
    // Stripe sends the buyer back with ?session_id=…; confirm once (StrictMode runs effects twice), then reload.
    if (sessionId && confirmedSession.current !== sessionId) {
      confirmedSession.current = sessionId;
      billingApi
        .confirm(sessionId)
        .then(({ credited }) => {
          toast.success(
            credited
              ? 'Payment received — credits added to your account.'
              : 'Payment confirmed. Your credits are up to date.',
          );
        })
        .catch(() => undefined)
        .finally(() => {
          setParams({}, { replace: true });
          setIsConfirming(false);
          void client.invalidateQueries({ queryKey: queryKeys.billing });
          void refreshUser();
        });
    }
  }, [sessionId, client, refreshUser, setParams]);

  const buy = async () => {
    setIsRedirecting(true);
    try {
      const { url } = await billingApi.checkout();
      window.location.assign(url);
    } catch {
      setIsRedirecting(false);
    }
  };

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Billing</h1>
        <p className="mt-1 text-sm text-slate-600">
          One credit screens one resume. Rejected files never cost a credit.
        </p>
      </div>
      {billing.isPending || isConfirming ? (
        <PageLoading label={isConfirming ? 'Confirming your payment…' : 'Loading billing…'} />
      ) : null}
      {billing.isError ? <ErrorState message={billing.error.message} onRetry={() => void billing.refetch()} /> : null}
      {billing.data && !isConfirming ? (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <CreditCard label="Free trial remaining" value={billing.data.free_trial_remaining} />
            <CreditCard label="Paid credits" value={billing.data.paid_credits} />
            <CreditCard
              label="Total balance"
              value={billing.data.free_trial_remaining + billing.data.paid_credits}
              isEmphasised
            />
          </div>
          <Card title="Buy credits">
            <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="text-3xl font-semibold tracking-tight text-slate-900">
                  {formatMoneyCents(billing.data.price_cents)}
                  <span className="ml-2 text-base font-normal text-slate-600">one-time</span>
                </p>
                <p className="mt-1 text-sm text-slate-600">
                  {formatInteger(billing.data.credits_per_purchase)} resume credits · paid securely with
                  Stripe · credits never expire
                </p>
              </div>
              <Button
                onClick={() => void buy()}
                isBusy={isRedirecting}
                disabled={!billing.data.configured}
                aria-describedby={billing.data.configured ? undefined : 'billing-not-configured'}
                className="sm:px-6"
              >
                Buy {formatInteger(billing.data.credits_per_purchase)} credits
              </Button>
            </div>
            {!billing.data.configured ? (
              <div className="mt-4" id="billing-not-configured">
                <Alert tone="warning">
                  Payments are not configured on this server yet. Ask your administrator to add the Stripe
                  keys.
                </Alert>
              </div>
            ) : null}
          </Card>
          <Card title="Payment history" bodyClassName="p-0">
            {billing.data.payments.length === 0 ? (
              <EmptyState icon={<ReceiptIcon className="size-6" />} title="No payments yet">
                Your purchases will be listed here.
              </EmptyState>
            ) : (
              <div className="overflow-x-auto">
                <table className="min-w-full text-left text-sm">
                  <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                    <tr>
                      <th scope="col" className="px-5 py-2.5">
                        Date
                      </th>
                      <th scope="col" className="px-5 py-2.5 text-right">
                        Amount
                      </th>
                      <th scope="col" className="px-5 py-2.5 text-right">
                        Credits
                      </th>
                      <th scope="col" className="px-5 py-2.5">
                        Status
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {billing.data.payments.map((payment) => (
                      <tr key={payment.id}>
                        <td className="px-5 py-3 whitespace-nowrap text-slate-700">
                          {formatDate(payment.created_at)}
                        </td>
                        <td className="px-5 py-3 text-right whitespace-nowrap tabular-nums">
                          {formatMoneyCents(payment.amount_cents, payment.currency)}
                        </td>
                        <td className="px-5 py-3 text-right tabular-nums">
                          {formatInteger(payment.credits)}
                        </td>
                        <td className="px-5 py-3">
                          <span
                            className={`rounded-full px-2 py-0.5 text-xs font-semibold capitalize ${paymentStatusStyle[payment.status] ?? ''}`}
                          >
                            {payment.status}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}

function CreditCard({
  label,
  value,
  isEmphasised = false,
}: {
  label: string;
  value: number;
  isEmphasised?: boolean;
}) {
  return (
    <div
      className={`rounded-xl border p-5 shadow-sm ${isEmphasised ? 'border-indigo-200 bg-indigo-600 text-white' : 'border-slate-200 bg-white'}`}
    >
      <p
        className={`text-xs font-semibold tracking-wide uppercase ${isEmphasised ? 'text-indigo-100' : 'text-slate-600'}`}
      >
        {label}
      </p>
      <p
        className={`mt-2 text-3xl font-semibold tracking-tight tabular-nums ${isEmphasised ? 'text-white' : 'text-slate-900'}`}
      >
        {formatInteger(value)}
      </p>
    </div>
  );
}
