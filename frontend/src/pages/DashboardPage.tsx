import type {
  Candidate,
  CandidateStatus,
  FileOutcome,
  Job,
  JobStatus,
  Stats,
  UpdateJobRequest,
} from '@shortlist/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import { jobsApi } from '../api/jobs';
import { CandidateTable } from '../components/CandidateTable';
import { ExportButton } from '../components/ExportButton';
import { JobDescriptionPanel } from '../components/JobDescriptionPanel';
import { JobStatusPill } from '../components/JobStatusPill';
import { MatchChart } from '../components/MatchChart';
import { RejectedFiles } from '../components/RejectedFiles';
import { ResumeUploader } from '../components/ResumeUploader';
import { SummaryCards } from '../components/SummaryCards';
import { Alert, Button, Card, EmptyState, ErrorState, PageLoading, ProgressBar } from '../components/ui';
import { useAuth } from '../hooks/auth-context';
import { isActive, useJobProgress } from '../hooks/useJobProgress';
import { formatDate, formatInteger } from '../lib/format';
import { ChartIcon, ClockIcon, PlusIcon, UploadIcon } from '../components/icons';

interface DashboardData {
  job: Job;
  files: FileOutcome[];
  candidates: Candidate[];
  threshold: number;
  stats: Stats | null;
}

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; status: number | null }
  | { kind: 'ready'; data: DashboardData };

export function DashboardPage() {
  const { id } = useParams();
  const jobId = Number(id);
  const isValidId = Number.isInteger(jobId) && jobId > 0;
  const [state, setState] = useState<Load>({ kind: 'loading' });

  const load = useCallback(async () => {
    const [{ job, files }, { candidates, shortlist_threshold }, stats] = await Promise.all([
      jobsApi.get(jobId),
      jobsApi.candidates(jobId),
      jobsApi
        .stats(jobId)
        .then((result) => result.stats)
        .catch(() => null),
    ]);
    setState({ kind: 'ready', data: { job, files, candidates, threshold: shortlist_threshold, stats } });
  }, [jobId]);

  const initialLoad = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      await load();
    } catch (error) {
      const status = error instanceof Error && 'status' in error ? (error.status as number | null) : null;
      setState({ kind: 'error', message: error instanceof Error ? error.message : 'Unknown error', status });
    }
  }, [load]);

  useEffect(() => {
    if (isValidId) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- loading on mount is the point
      void initialLoad();
    }
  }, [initialLoad, isValidId]);

  if (!isValidId) {
    return <ErrorState message="That job link is not valid." />;
  }
  if (state.kind === 'loading') {
    return <PageLoading label="Loading dashboard…" />;
  }
  if (state.kind === 'error') {
    return (
      <div className="space-y-4">
        <Link to="/jobs" className="text-sm font-medium text-slate-500 hover:text-slate-800">
          ← All jobs
        </Link>
        <ErrorState
          message={state.status === 404 ? 'This job does not exist or was deleted.' : state.message}
          onRetry={state.status === 404 ? undefined : () => void initialLoad()}
        />
      </div>
    );
  }
  return (
    <Dashboard data={state.data} reload={load} onDataChange={(data) => setState({ kind: 'ready', data })} />
  );
}

function Dashboard({
  data,
  reload,
  onDataChange,
}: {
  data: DashboardData;
  reload: () => Promise<void>;
  onDataChange: (data: DashboardData) => void;
}) {
  const { job, files, candidates, threshold, stats } = data;
  const { user, refreshUser } = useAuth();
  const navigate = useNavigate();
  const [isUploaderOpen, setIsUploaderOpen] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);

  const refresh = useCallback(async () => {
    try {
      await reload();
    } catch {
      // toasted by the client; keep showing the last good data
    }
  }, [reload]);

  const onSettled = useCallback(
    (status: JobStatus) => {
      if (status === 'completed') {
        toast.success('Screening finished');
      } else if (status === 'failed') {
        toast.error('Screening failed for this job. Rejected files are listed below.');
      }
      void refresh();
      void refreshUser();
    },
    [refresh, refreshUser],
  );

  const initialProgress = useMemo(
    () => ({
      job_id: job.id,
      status: job.status,
      progress_done: job.progress_done,
      progress_total: job.progress_total,
    }),
    [job.id, job.status, job.progress_done, job.progress_total],
  );
  const progress = useJobProgress(job.id, initialProgress, onSettled);
  // The stream's view wins while the loaded job still says queued/processing; afterwards the reloaded job is the truth.
  const displayStatus: JobStatus = progress && isActive(job.status) ? progress.status : job.status;
  const isProcessing = isActive(displayStatus);
  const shortlistedCount = candidates.filter((candidate) => candidate.status === 'shortlisted').length;

  const saveJob = async (changes: UpdateJobRequest) => {
    const { job: updated } = await jobsApi.update(job.id, changes);
    onDataChange({ ...data, job: updated });
    toast.success('Saved — candidates re-scored');
    await refresh();
  };

  const changeStatus = async (candidate: Candidate, status: CandidateStatus) => {
    try {
      const { candidate: updated } = await jobsApi.setCandidateStatus(job.id, candidate.id, status);
      onDataChange({
        ...data,
        candidates: candidates.map((item) => (item.id === updated.id ? updated : item)),
      });
      void refresh();
    } catch {
      // toasted by the client
    }
  };

  const deleteJob = async () => {
    if (!window.confirm(`Delete “${job.title}” and all of its candidate data? This cannot be undone.`)) {
      return;
    }
    setIsDeleting(true);
    try {
      await jobsApi.remove(job.id);
      toast.success('Job deleted');
      void navigate('/jobs');
    } catch {
      setIsDeleting(false);
    }
  };

  const credits = user ? user.free_trial_remaining + user.paid_credits : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <Link to="/jobs" className="text-sm font-medium text-slate-500 hover:text-slate-800">
            ← All jobs
          </Link>
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{job.title}</h1>
            <JobStatusPill status={displayStatus} />
          </div>
          <p className="mt-1 text-sm text-slate-500">
            Created {formatDate(job.created_at)} · {formatInteger(candidates.length)} candidates · threshold{' '}
            {threshold} %
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          <Button
            variant="secondary"
            onClick={() => setIsUploaderOpen((open) => !open)}
            aria-expanded={isUploaderOpen}
            aria-controls="add-resumes"
          >
            <PlusIcon className="size-4" strokeWidth={2.25} /> Add resumes
          </Button>
          <ExportButton jobId={job.id} count={shortlistedCount} />
        </div>
      </div>

      {isProcessing && progress ? (
        <Card>
          <ProgressBar
            label={`${progress.status === 'queued' ? 'Queued' : 'Screening resumes'} — ${formatInteger(progress.progress_done)} of ${formatInteger(progress.progress_total)}`}
            value={progress.progress_done}
            max={progress.progress_total}
          />
          <p className="mt-2 text-xs text-slate-500">
            You can leave this page; screening continues on the server.
          </p>
        </Card>
      ) : null}
      {displayStatus === 'failed' ? (
        <Alert tone="error">Processing failed{job.error ? `: ${job.error}` : '.'}</Alert>
      ) : null}

      {isUploaderOpen ? (
        <div id="add-resumes">
          <Card title="Add resumes">
            <ResumeUploader
              jobId={job.id}
              credits={credits}
              isVerified={user?.is_verified ?? false}
              onUploaded={() => {
                void refresh();
                void refreshUser();
              }}
            />
          </Card>
        </div>
      ) : null}

      <SummaryCards stats={stats ?? 'unavailable'} />

      <JobDescriptionPanel
        key={`${job.id}-${job.updated_at}`}
        job={job}
        onSave={saveJob}
        isLocked={isProcessing}
      />

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[20rem_minmax(0,1fr)]">
        <div>
          {stats ? (
            <MatchChart stats={stats} />
          ) : (
            <Card title="Match distribution">
              <EmptyState icon={<ChartIcon className="size-6" />} title="Chart unavailable">
                Statistics could not be loaded.
              </EmptyState>
            </Card>
          )}
        </div>
        <div className="min-w-0">
          <Card
            title={`Candidates (${formatInteger(candidates.length)})`}
            actions={
              <span className="inline-flex items-center gap-2 text-xs text-slate-500">
                <span
                  className="size-2.5 rounded-sm border border-emerald-300 bg-emerald-100"
                  aria-hidden="true"
                />{' '}
                ≥ {threshold} % match
              </span>
            }
            bodyClassName="p-0"
          >
            {candidates.length === 0 ? (
              isProcessing ? (
                <EmptyState icon={<ClockIcon className="size-6" />} title="Screening in progress">
                  Candidates appear here when processing finishes.
                </EmptyState>
              ) : (
                <EmptyState
                  icon={<UploadIcon className="size-6" />}
                  title="No candidates yet"
                  action={
                    <Button onClick={() => setIsUploaderOpen(true)} aria-controls="add-resumes">
                      Add resumes
                    </Button>
                  }
                >
                  Upload resumes (PDF, DOCX or TXT) to score them against this job.
                </EmptyState>
              )
            ) : (
              <CandidateTable candidates={candidates} threshold={threshold} onStatusChange={changeStatus} />
            )}
          </Card>
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
