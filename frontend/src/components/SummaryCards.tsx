import type { Stats } from '@shortlist/contracts';
import type { ReactNode } from 'react';
import { formatCost, formatInteger, formatPercent } from '../lib/format';
import { CoinsIcon, DollarIcon, HashIcon, UsersIcon } from './icons';

function StatCard({
  label,
  value,
  detail,
  icon,
}: {
  label: string;
  value: string;
  detail?: ReactNode;
  icon: ReactNode;
}) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex items-center justify-between gap-2">
        <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
        <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-indigo-50 text-indigo-600">
          {icon}
        </span>
      </div>
      <dd className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-slate-500">{detail}</dd> : null}
    </div>
  );
}

/** The four summary cards; `stats` null while loading, 'unavailable' when the stats request failed. */
export function SummaryCards({ stats }: { stats: Stats | null | 'unavailable' }) {
  if (stats === 'unavailable') {
    return (
      <p
        role="status"
        className="rounded-xl border border-slate-200 bg-white px-5 py-4 text-sm text-slate-500"
      >
        Usage figures are unavailable right now. Reload the page to try again.
      </p>
    );
  }
  if (!stats) {
    return (
      <div
        className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4"
        aria-busy="true"
        aria-label="Loading summary"
      >
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className="h-[108px] animate-pulse rounded-xl border border-slate-200 bg-white" />
        ))}
      </div>
    );
  }
  return (
    <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4" aria-label="Summary">
      <StatCard
        label="Tokens Used"
        icon={<HashIcon />}
        value={formatInteger(stats.tokens_used)}
        detail="LLM tokens for field extraction"
      />
      <StatCard label="Cost" icon={<DollarIcon />} value={formatCost(stats.cost)} detail="LLM spend" />
      <StatCard
        label="Remaining Balance"
        icon={<CoinsIcon />}
        value={formatInteger(stats.remaining_balance)}
        detail={`${formatInteger(stats.free_trial_remaining)} trial + ${formatInteger(stats.paid_credits)} paid credits`}
      />
      <StatCard
        label="Total Candidates"
        icon={<UsersIcon />}
        value={formatInteger(stats.total_candidates)}
        detail={
          stats.total_candidates > 0
            ? `${formatInteger(stats.shortlisted)} shortlisted · avg ${formatPercent(stats.average_match)}`
            : 'None screened yet'
        }
      />
    </dl>
  );
}
