import type { Stats } from '@shortlist/contracts';
import type { ReactNode } from 'react';
import { formatCost, formatInteger, formatPercent } from '../lib/format';

function StatCard({
  label,
  value,
  detail,
  icon,
}: {
  label: string;
  value: string;
  detail?: ReactNode;
  icon: string;
}) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex items-center justify-between">
        <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
        <span className="text-lg" aria-hidden="true">
          {icon}
        </span>
      </div>
      <dd className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-slate-500">{detail}</dd> : null}
    </div>
  );
}

export function SummaryCards({ stats }: { stats: Stats | null }) {
  if (!stats) {
    return (
      <dl
        className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4"
        aria-busy="true"
        aria-label="Loading summary"
      >
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className="h-[104px] animate-pulse rounded-xl border border-slate-200 bg-white" />
        ))}
      </dl>
    );
  }
  return (
    <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4" aria-label="Summary">
      <StatCard
        label="Tokens Used"
        icon="🔤"
        value={formatInteger(stats.tokens_used)}
        detail="LLM tokens for field extraction"
      />
      <StatCard label="Cost" icon="💵" value={formatCost(stats.cost)} detail="LLM spend" />
      <StatCard
        label="Remaining Balance"
        icon="🎟️"
        value={formatInteger(stats.remaining_balance)}
        detail={`${formatInteger(stats.free_trial_remaining)} trial + ${formatInteger(stats.paid_credits)} paid credits`}
      />
      <StatCard
        label="Total Candidates"
        icon="👥"
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
