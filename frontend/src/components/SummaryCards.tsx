import type { Stats } from '@shortlist/contracts';
import type { ReactNode } from 'react';
import { formatCost, formatInteger, formatPercent } from '../lib/format';
import { CoinsIcon, DollarIcon, HashIcon, UsersIcon } from './icons';

/** One card: a dt/dd group straight inside the dl (the icon sits in the dt, hidden from screen readers). */
function StatCard({ label, value, detail, icon, className = '' }: { label: string; value: string; detail?: ReactNode; icon: ReactNode; className?: string }) {
  return (
    <div className={`relative rounded-xl border border-slate-200 bg-white py-2 pr-3 pl-12 shadow-sm sm:py-3 sm:pr-4 sm:pl-14 ${className}`}>
      <dt className="truncate text-xs font-semibold tracking-wide text-slate-600 uppercase">
        <span className="absolute top-1/2 left-3 flex size-7 sm:left-4 sm:size-8 -translate-y-1/2 items-center justify-center rounded-lg bg-indigo-50 text-indigo-700" aria-hidden="true">
          {icon}
        </span>
        {label}
      </dt>
      <dd className="text-xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      {detail ? <dd className="hidden truncate text-xs text-slate-600 sm:block">{detail}</dd> : null}
    </div>
  );
}

/**
 * The summary cards (SPEC §4), compact so the candidate table stays above the fold. Without LLM usage (local
 * extraction) Tokens Used and Cost are both zero: they fold into one card instead of two that read 0.
 */
export function SummaryCards({ stats }: { stats: Stats | null | 'unavailable' }) {
  if (stats === 'unavailable') {
    return (
      <p role="status" className="rounded-xl border border-slate-200 bg-white px-5 py-3 text-sm text-slate-700">
        Usage figures are unavailable right now. Reload the page to try again.
      </p>
    );
  }
  if (!stats) {
    return (
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" role="status" aria-busy="true" aria-label="Loading summary">
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className="h-[74px] animate-pulse rounded-xl border border-slate-200 bg-white" />
        ))}
      </div>
    );
  }
  const hasLlmUsage = stats.tokens_used > 0 || stats.cost > 0;
  return (
    <dl className={`grid grid-cols-2 gap-3 ${hasLlmUsage ? 'lg:grid-cols-4' : 'lg:grid-cols-3'}`} aria-label="Summary">
      {hasLlmUsage ? (
        <>
          <StatCard label="Tokens Used" icon={<HashIcon />} value={formatInteger(stats.tokens_used)} detail="LLM field extraction" />
          <StatCard label="Cost" icon={<DollarIcon />} value={formatCost(stats.cost)} detail="LLM spend" />
        </>
      ) : (
        <StatCard
          label="Tokens Used · Cost"
          icon={<HashIcon />}
          value={`0 · ${formatCost(0)}`}
          detail="Local extraction — no LLM spend"
          className="hidden sm:col-span-2 sm:block lg:col-span-1"
        />
      )}
      <StatCard
        label="Remaining Balance"
        icon={<CoinsIcon />}
        value={formatInteger(stats.remaining_balance)}
        detail={`${formatInteger(stats.free_trial_remaining)} trial + ${formatInteger(stats.paid_credits)} paid`}
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
