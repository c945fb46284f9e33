import { Link } from 'react-router-dom';
import { useJobsQuery, useStatsQuery } from '../api/queries';
import { JobStatusPill } from '../components/JobStatusPill';
import { SummaryCards } from '../components/SummaryCards';
import { Card, EmptyState, ErrorState, PageLoading } from '../components/ui';
import { formatDate, formatInteger } from '../lib/format';
import { FolderIcon, PlusIcon } from '../components/icons';

export function JobsPage() {
  const jobs = useJobsQuery();
  const stats = useStatsQuery();
  const list = jobs.data?.jobs;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Screening jobs</h1>
          <p className="mt-1 text-sm text-slate-600">
            One job per opening: a job description and the resumes you received for it.
          </p>
        </div>
        <Link
          to="/jobs/new"
          className="inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
        >
          <PlusIcon className="size-4" strokeWidth={2.25} /> New job
        </Link>
      </div>
      {!jobs.isError ? <SummaryCards stats={stats.isError ? 'unavailable' : (stats.data ?? null)} /> : null}
      {jobs.isPending ? <PageLoading label="Loading jobs…" /> : null}
      {jobs.isError ? <ErrorState message={jobs.error.message} onRetry={() => void jobs.refetch()} /> : null}
      {list && list.length === 0 ? (
        <Card>
          <EmptyState
            icon={<FolderIcon className="size-6" />}
            title="No screening jobs yet"
            action={
              <Link
                to="/jobs/new"
                className="inline-flex rounded-lg bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
              >
                Create your first job
              </Link>
            }
          >
            Paste a job description, drop in resumes, and get a ranked shortlist in minutes.
          </EmptyState>
        </Card>
      ) : null}
      {list && list.length > 0 ? (
        <Card bodyClassName="p-0">
          <ul className="divide-y divide-slate-100" aria-label="Jobs">
            {list.map((job) => (
              <li key={job.id}>
                <Link
                  to={`/jobs/${job.id}`}
                  className="flex flex-col gap-2 px-5 py-4 hover:bg-slate-50 focus-visible:bg-slate-50 sm:flex-row sm:items-center sm:gap-6"
                >
                  <div className="min-w-0 flex-1">
                    <div className="flex items-center gap-3">
                      <span className="truncate font-semibold text-slate-900">{job.title}</span>
                      <JobStatusPill status={job.status} />
                    </div>
                    <p className="mt-0.5 text-xs text-slate-600">Created {formatDate(job.created_at)}</p>
                  </div>
                  <dl className="flex gap-6 text-sm">
                    <div>
                      <dt className="text-xs text-slate-600">Candidates</dt>
                      <dd className="font-semibold text-slate-900 tabular-nums">
                        {formatInteger(job.candidate_count)}
                      </dd>
                    </div>
                    <div>
                      <dt className="text-xs text-slate-600">Shortlisted</dt>
                      <dd className="font-semibold text-emerald-700 tabular-nums">
                        {formatInteger(job.shortlisted_count)}
                      </dd>
                    </div>
                    <div className="hidden sm:block">
                      <dt className="text-xs text-slate-600">Threshold</dt>
                      <dd className="font-semibold text-slate-900 tabular-nums">
                        {job.shortlist_threshold} %
                      </dd>
                    </div>
                  </dl>
                  <span className="hidden text-slate-600 sm:inline" aria-hidden="true">
                    →
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
