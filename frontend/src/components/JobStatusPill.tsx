import type { JobStatus } from '@shortlist/contracts';

const styles: Record<JobStatus, { label: string; className: string }> = {
  draft: { label: 'Draft', className: 'bg-slate-100 text-slate-700' },
  queued: { label: 'Queued', className: 'bg-sky-100 text-sky-800' },
  processing: { label: 'Processing', className: 'bg-indigo-100 text-indigo-800' },
  completed: { label: 'Completed', className: 'bg-emerald-100 text-emerald-800' },
  failed: { label: 'Failed', className: 'bg-rose-100 text-rose-800' },
};

export function JobStatusPill({ status }: { status: JobStatus }) {
  const style = styles[status];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ${style.className}`}
    >
      {status === 'processing' || status === 'queued' ? (
        <span className="size-1.5 animate-pulse rounded-full bg-current" aria-hidden="true" />
      ) : null}
      {style.label}
    </span>
  );
}
