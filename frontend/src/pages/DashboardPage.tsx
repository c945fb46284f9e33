import type { JobStatus, UpdateJobRequest } from '@shortlist/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import { candidatesApi } from '../api/candidates';
import { ApiError } from '../api/client';
import { jobsApi } from '../api/jobs';
import { queryKeys, useJobQuery, useOverview, useStatsQuery } from '../api/queries';
import { CandidatesPanel, FIRST_PAGE_QUERY } from '../components/candidates/CandidatesPanel';
import { useSetBlindReview } from '../components/candidates/mutations';
import { ExportButton } from '../components/ExportButton';
import { JobDescriptionPanel } from '../components/JobDescriptionPanel';
import { JobStatusPill } from '../components/JobStatusPill';
import { MatchChart } from '../components/MatchChart';
import { RejectedFiles } from '../components/RejectedFiles';
import { ResumeUploader } from '../components/ResumeUploader';
import { SummaryCards } from '../components/SummaryCards';
import { Alert, Button, Card, ErrorState, PageLoading, ProgressBar } from '../components/ui';
import { PlusIcon } from '../components/icons';
import { useAuth } from '../hooks/auth-context';
import { useEta } from '../hooks/useEta';
import { isActive, useJobProgress } from '../hooks/useJobProgress';
import { formatEta } from '../lib/eta';
import { formatDate, formatInteger } from '../lib/format';
import { STAGE_LABELS, STAGE_ORDER } from '../lib/stages';

/** How often an open dashboard asks whether anything changed: often while screening runs, rarely when idle. */
const POLL_ACTIVE_MS = 4_000;
const POLL_IDLE_MS = 15_000;

export function DashboardPage() {
  const { id } = useParams();
  const jobId = Number(id);
  const isValidId = Number.isInteger(jobId) && jobId > 0;
  const job = useJobQuery(jobId, isValidId);
  const client = useQueryClient();
  useEffect(() => {
    // The first page of candidates is what the recruiter came for: fetch it alongside the job, not after it.
    if (isValidId) {
      void client.prefetchQuery({
        queryKey: queryKeys.candidatePage(jobId, FIRST_PAGE_QUERY),
        queryFn: () => candidatesApi.page(jobId, FIRST_PAGE_QUERY),
      });
    }
  }, [client, jobId, isValidId]);

  if (!isValidId) {
    return <ErrorState message="That job link is not valid." />;
  }
  if (job.isPending) {
    return <PageLoading label="Loading dashboard…" />;
  }
  if (job.isError) {
    const isMissing = job.error instanceof ApiError && job.error.code === 'NOT_FOUND';
    return (
      <div className="space-y-4">
        <Link to="/jobs" className="text-sm font-medium text-slate-700 hover:text-slate-900">
          ← All jobs
        </Link>
        <ErrorState
          message={isMissing ? 'This job does not exist or was deleted.' : job.error.message}
          onRetry={isMissing ? undefined : () => void job.refetch()}
        />
      </div>
    );
  }
  return <Dashboard jobId={jobId} />;
}

function Dashboard({ jobId }: { jobId: number }) {
  const client = useQueryClient();
  const { data } = useJobQuery(jobId);
  const job = data!.job;
  const files = data!.files;
  const stats = useStatsQuery(jobId);
  const { user, refreshUser } = useAuth();
  const navigate = useNavigate();
  const [isUploaderOpen, setIsUploaderOpen] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const blind = useSetBlindReview(jobId);

  const refreshAll = useCallback(async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.job(jobId) }),
      client.invalidateQueries({ queryKey: queryKeys.candidates(jobId) }),
      client.invalidateQueries({ queryKey: queryKeys.stats(jobId) }),
    ]);
  }, [client, jobId]);

  const onSettled = useCallback(
    (status: JobStatus) => {
      if (status === 'completed') {
        toast.success('Screening finished');
      } else if (status === 'failed') {
        toast.error('Screening failed for this job. Rejected files are listed below.');
      }
      void refreshAll();
      void refreshUser();
    },
    [refreshAll, refreshUser],
  );

  const initialProgress = useMemo(
    () => ({ job_id: job.id, status: job.status, progress_done: job.progress_done, progress_total: job.progress_total }),
    [job.id, job.status, job.progress_done, job.progress_total],
  );
  const progress = useJobProgress(job.id, initialProgress, onSettled);
  const displayStatus: JobStatus = progress && isActive(job.status) ? progress.status : job.status;
  const isProcessing = isActive(displayStatus);
  const eta = formatEta(useEta(isProcessing ? progress : null));

  // Live pickup: the overview notices processing started elsewhere (another tab, the API) and any change to the
  // candidates; the job is then re-read, which starts following its progress.
  const overview = useOverview(jobId, isProcessing ? POLL_ACTIVE_MS : POLL_IDLE_MS);
  const seenVersion = useRef<string | null>(null);
  useEffect(() => {
    const current = overview.data;
    if (!current) {
      return;
    }
    if (isActive(current.status) !== isActive(job.status) || current.progress_total !== job.progress_total) {
      void client.invalidateQueries({ queryKey: queryKeys.job(jobId) });
    }
    if (seenVersion.current !== null && seenVersion.current !== current.version) {
      void client.invalidateQueries({ queryKey: [...queryKeys.candidates(jobId), 'page'] });
      void client.invalidateQueries({ queryKey: queryKeys.stats(jobId) });
    }
    seenVersion.current = current.version;
  }, [overview.data, job.status, job.progress_total, client, jobId]);

  const saveJob = async (changes: UpdateJobRequest) => {
    await jobsApi.update(job.id, changes);
    toast.success('Saved — candidates re-scored');
    await refreshAll();
  };

  const deleteJob = async () => {
    if (!window.confirm(`Delete “${job.title}” and all of its candidate data? This cannot be undone.`)) {
      return;
    }
    setIsDeleting(true);
    try {
      await jobsApi.remove(job.id);
      toast.success('Job deleted');
      client.removeQueries({ queryKey: queryKeys.candidates(jobId) });
      void navigate('/jobs');
    } catch {
      setIsDeleting(false);
    }
  };

  const credits = user ? user.free_trial_remaining + user.paid_credits : null;
  const stageCounts = overview.data?.stage_counts;
  const blindReview = overview.data?.blind_review ?? false;
  const candidateCount = overview.data?.candidate_count ?? job.candidate_count;

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-3">
        <div className="min-w-0">
          <Link to="/jobs" className="text-sm font-medium text-slate-700 hover:text-slate-900">
            ← All jobs
          </Link>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold tracking-tight break-words text-slate-900 sm:text-2xl">{job.title}</h1>
            <JobStatusPill status={displayStatus} />
          </div>
          <p className="mt-0.5 text-sm text-slate-600">
            <span className="hidden sm:inline">Created {formatDate(job.created_at)} · </span>
            {formatInteger(candidateCount)} candidates ·{' '}
            {formatInteger(overview.data?.recommended_count ?? 0)} recommended (≥ {job.shortlist_threshold} %)
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          <Button
            variant="secondary"
            onClick={() => setIsUploaderOpen((open) => !open)}
            aria-expanded={isUploaderOpen}
            aria-controls={isUploaderOpen ? 'add-resumes' : undefined}
          >
            <PlusIcon className="size-4" strokeWidth={2.25} />
            <span>
              Add<span className="hidden sm:inline"> resumes</span>
            </span>
          </Button>
          <ExportButton jobId={job.id} count={stageCounts?.shortlisted ?? job.shortlisted_count} />
        </div>
      </div>

      {isProcessing && progress ? (
        <Card>
          <ProgressBar
            label={`${progress.status === 'queued' ? 'Queued' : 'Screening resumes'} — ${formatInteger(progress.progress_done)} of ${formatInteger(progress.progress_total)}${eta ? ` · ${eta}` : ''}`}
            value={progress.progress_done}
            max={progress.progress_total}
          />
          <p className="mt-2 text-xs text-slate-600">You can leave this page; screening continues on the server.</p>
        </Card>
      ) : null}
      {displayStatus === 'failed' ? <Alert tone="error">Processing failed{job.error ? `: ${job.error}` : '.'}</Alert> : null}

      {isUploaderOpen ? (
        <div id="add-resumes">
          <Card title="Add resumes">
            <ResumeUploader
              jobId={job.id}
              credits={credits}
              isVerified={user?.is_verified ?? false}
              onUploaded={() => {
                void refreshAll();
                void refreshUser();
              }}
            />
          </Card>
        </div>
      ) : null}

      <SummaryCards stats={stats.isError ? 'unavailable' : (stats.data ?? null)} />

      {/* Keyed by job only: a save keeps the panel open (the requirement editor restarts its own draft). */}
      <JobDescriptionPanel key={job.id} job={job} onSave={saveJob} isLocked={isProcessing} />

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[16rem_minmax(0,1fr)]">
        <div className="order-2 min-w-0 space-y-4 xl:order-1">
          {stats.data ? <MatchChart stats={stats.data} isCompact /> : null}
          <Card title="Stages">
            <dl className="space-y-1 text-sm" aria-label="Candidates per stage">
              {STAGE_ORDER.map((stage) => (
                <div key={stage} className="flex justify-between">
                  <dt className="text-slate-700">{STAGE_LABELS[stage]}</dt>
                  <dd className="font-semibold text-slate-900 tabular-nums">{formatInteger(stageCounts?.[stage] ?? 0)}</dd>
                </div>
              ))}
            </dl>
            <label className="mt-4 flex items-start gap-2 border-t border-slate-100 pt-3 text-sm text-slate-800">
              <input
                type="checkbox"
                className="mt-0.5 size-4 rounded border-slate-400"
                checked={blindReview}
                disabled={blind.isPending || !overview.data}
                onChange={(event) => blind.mutate(event.target.checked)}
              />
              <span>
                Blind review
                <span className="block text-xs text-slate-600">
                  Hide names, contacts and file names until you shortlist someone.
                </span>
              </span>
            </label>
          </Card>
        </div>
        <div className="order-1 min-w-0 xl:order-2">
          <CandidatesPanel
            jobId={job.id}
            threshold={job.shortlist_threshold}
            candidateCount={candidateCount}
            isProcessing={isProcessing}
            blindReview={blindReview}
            onAddResumes={() => setIsUploaderOpen(true)}
          />
        </div>
      </div>

      <RejectedFiles files={files} />

      <div className="flex justify-end border-t border-slate-200 pt-6">
        <Button variant="danger" onClick={() => void deleteJob()} isBusy={isDeleting}>
          Delete job
        </Button>
      </div>
    </div>
  );
}
