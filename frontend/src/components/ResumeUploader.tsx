import type { FileOutcome } from '@shortlist/contracts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useDropzone, type FileRejection } from 'react-dropzone';
import { ApiError, isNoCredits } from '../api/client';
import { jobsApi } from '../api/jobs';
import { formatInteger } from '../lib/format';
import { heldRefusedFiles, holdRefusedFiles } from '../lib/held-files';
import { BanIcon, CheckIcon, ClockIcon, DocumentIcon, UploadIcon, WarningIcon } from './icons';
import { Alert, Button } from './ui';

/** Files per request: small enough for visible per-file progress, big enough to keep request overhead low. */
export const UPLOAD_BATCH_SIZE = 10;

/** `no_credits`: refused for lack of credits — the file is still held here, to offer again after a top-up. */
type ItemStatus = 'ready' | 'uploading' | 'processing' | 'accepted' | 'rejected' | 'no_credits' | 'failed';

interface UploadItem {
  key: string;
  file: File;
  status: ItemStatus;
  /** 0–1 share of this file's bytes sent. */
  progress: number;
  reason: string | null;
}

/** One upload's counts, from the files' own outcomes: every place that reports on an upload reads these. */
export interface UploadSummary {
  accepted: number;
  /** Turned away for a reason of their own (type, size, damaged, duplicate…). */
  rejected: number;
  /** Refused for lack of credits; held, to offer again. */
  refusedForCredits: number;
  /** Not sent at all (a network failure, a session that ended). */
  failed: number;
}

export function summarise(items: ReadonlyArray<{ status: ItemStatus }>): UploadSummary {
  const count = (status: ItemStatus) => items.filter((item) => item.status === status).length;
  return { accepted: count('accepted'), rejected: count('rejected'), refusedForCredits: count('no_credits'), failed: count('failed') };
}

/** `35 accepted · 5 rejected · 90 refused for lack of credits` (parts that are zero left out). */
export function describeSummary(summary: UploadSummary): string {
  const parts = [`${formatInteger(summary.accepted)} accepted`];
  if (summary.rejected > 0) {
    parts.push(`${formatInteger(summary.rejected)} rejected`);
  }
  if (summary.refusedForCredits > 0) {
    parts.push(`${formatInteger(summary.refusedForCredits)} refused for lack of credits`);
  }
  if (summary.failed > 0) {
    parts.push(`${formatInteger(summary.failed)} not sent`);
  }
  return parts.join(' · ');
}

const ACCEPT = {
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'text/plain': ['.txt'],
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

let keySeed = 0;

interface Props {
  jobId: number;
  /** Trial + paid credits the user has now, for the estimate. */
  credits: number | null;
  isVerified: boolean;
  onUploaded: (summary: UploadSummary) => void;
}

export function ResumeUploader({ jobId, credits, isVerified, onUploaded }: Props) {
  const [items, setItems] = useState<UploadItem[]>(() =>
    heldRefusedFiles(jobId).map((file) => ({
      key: `f${keySeed++}`,
      file,
      status: 'no_credits' as const,
      progress: 0,
      reason: 'Refused for lack of credits — offer it again once you have credits.',
    })),
  );
  const [isUploading, setIsUploading] = useState(false);
  const [stopReason, setStopReason] = useState<string | null>(null);
  const isUploadingRef = useRef(false);

  const onDrop = useCallback((accepted: File[], rejections: FileRejection[]) => {
    setStopReason(null);
    setItems((current) => [
      ...current.filter((item) => item.status === 'ready'),
      ...accepted.map((file) => ({
        key: `f${keySeed++}`,
        file,
        status: 'ready' as const,
        progress: 0,
        reason: null,
      })),
      ...rejections.map(({ file }) => ({
        key: `f${keySeed++}`,
        file,
        status: 'rejected' as const,
        progress: 0,
        reason: 'Not a PDF, DOCX or TXT file.',
      })),
    ]);
  }, []);

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop,
    accept: ACCEPT,
    multiple: true,
    noClick: true,
    noKeyboard: true,
    disabled: isUploading,
  });

  const ready = items.filter((item) => item.status === 'ready');
  const finished = items.filter((item) => item.status !== 'ready');
  const creditsNeeded = ready.length;
  const isShort = credits !== null && creditsNeeded > credits;

  const patch = (keys: Set<string>, update: (item: UploadItem, index: number) => Partial<UploadItem>) =>
    setItems((current) => {
      let index = 0;
      return current.map((item) => (keys.has(item.key) ? { ...item, ...update(item, index++) } : item));
    });

  const refused = items.filter((item) => item.status === 'no_credits');

  const upload = async (toSend: UploadItem[] = ready) => {
    if (isUploadingRef.current || toSend.length === 0) {
      return;
    }
    isUploadingRef.current = true;
    setIsUploading(true);
    setStopReason(null);
    const queue = [...toSend];
    const outcomes = new Map<string, ItemStatus>();
    try {
      for (let start = 0; start < queue.length; start += UPLOAD_BATCH_SIZE) {
        const batch = queue.slice(start, start + UPLOAD_BATCH_SIZE);
        const keys = new Set(batch.map((item) => item.key));
        // Per-file progress from one request's byte count: files fill in order of their place in the body.
        const offsets: number[] = [];
        let total = 0;
        for (const item of batch) {
          offsets.push(total);
          total += item.file.size;
        }
        patch(keys, () => ({ status: 'uploading', progress: 0 }));
        try {
          const result = await jobsApi.uploadResumes(
            jobId,
            batch.map((item) => item.file),
            (event) => {
              const loaded = event.total ? (event.loaded / event.total) * total : event.loaded;
              setItems((current) =>
                current.map((item) => {
                  const at = batch.findIndex((b) => b.key === item.key);
                  if (at < 0 || item.status !== 'uploading') {
                    return item;
                  }
                  const size = Math.max(1, item.file.size);
                  const progress = Math.max(0, Math.min(1, (loaded - (offsets[at] ?? 0)) / size));
                  return { ...item, progress };
                }),
              );
            },
          );
          const matched = matchOutcomes(batch, result.files);
          for (const item of batch) {
            const outcome = matched.get(item.key);
            outcomes.set(
              item.key,
              !outcome ? 'failed' : outcome.outcome === 'accepted' ? 'accepted' : outcome.reason_code === 'no_credits' ? 'no_credits' : 'rejected',
            );
          }
          patch(keys, (item) => {
            const outcome = matched.get(item.key);
            if (!outcome) {
              return { status: 'failed', progress: 1, reason: 'The server did not report on this file.' };
            }
            if (outcome.outcome === 'accepted') {
              return { status: 'accepted', progress: 1, reason: null };
            }
            return {
              status: outcome.reason_code === 'no_credits' ? 'no_credits' : 'rejected',
              progress: 1,
              reason: outcome.reason ?? 'Rejected',
            };
          });
        } catch (error) {
          const message = error instanceof Error ? error.message : 'Upload failed';
          const code = error instanceof ApiError ? error.code : 'NETWORK';
          const isCredits = isNoCredits(error);
          const status: ItemStatus = isCredits ? 'no_credits' : 'failed';
          const rest = queue.slice(start);
          // Out of credits, unverified or logged out: later batches would fail the same way.
          const isFinal = isCredits || code === 'UNAUTHORIZED' || code === 'EMAIL_NOT_VERIFIED' || code === 'FORBIDDEN';
          const affected = isFinal ? rest : batch;
          for (const item of affected) {
            outcomes.set(item.key, status);
          }
          patch(new Set(affected.map((item) => item.key)), () => ({ status, progress: 0, reason: isFinal ? `Not sent: ${message}` : message }));
          if (isFinal) {
            setStopReason(message);
            break;
          }
        }
      }
    } finally {
      isUploadingRef.current = false;
      setIsUploading(false);
    }
    const stillRefused = [...items, ...toSend]
      .filter((item, at, all) => all.findIndex((x) => x.key === item.key) === at)
      .filter((item) => (outcomes.get(item.key) ?? item.status) === 'no_credits')
      .map((item) => item.file);
    holdRefusedFiles(jobId, stillRefused);
    // The same counts the file list shows: every file this uploader holds, not just this request's.
    onUploaded(summarise(items.map((item) => ({ status: outcomes.get(item.key) ?? item.status }))));
  };

  const offerAgain = () => {
    const again = refused.map((item) => ({ ...item, status: 'ready' as const, reason: null }));
    const keys = new Set(again.map((item) => item.key));
    setItems((current) => current.map((item) => (keys.has(item.key) ? { ...item, status: 'ready', reason: null } : item)));
    void upload(again);
  };

  const counts = useMemo(() => summarise(items), [items]);

  return (
    <div className="space-y-4">
      {!isVerified ? (
        <Alert tone="warning">
          Verify your email address before uploading — check your inbox for the link.
        </Alert>
      ) : null}
      <div
        {...getRootProps({
          className: `flex flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors ${
            isDragActive
              ? 'border-indigo-500 bg-indigo-50'
              : 'border-slate-300 bg-slate-50/60 hover:border-slate-400'
          }`,
        })}
        data-testid="dropzone"
      >
        <input {...getInputProps({ 'aria-label': 'Resume files' })} />
        <div className="mb-3 flex size-12 items-center justify-center rounded-full bg-white text-indigo-600 shadow-sm">
          <UploadIcon className="size-6" />
        </div>
        <p className="text-sm font-semibold text-slate-800">
          {isDragActive ? 'Drop the resumes here' : 'Drag resumes here'}
        </p>
        <p className="mt-1 text-xs text-slate-600">PDF, DOCX or TXT · as many as you like</p>
        <Button variant="secondary" className="mt-4" onClick={open} disabled={isUploading}>
          Choose files…
        </Button>
      </div>

      {ready.length > 0 ? (
        <div className="flex flex-col gap-3 rounded-xl border border-indigo-100 bg-indigo-50/60 p-4 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-slate-700" data-testid="credit-estimate">
            <strong className="font-semibold">
              {formatInteger(ready.length)} {ready.length === 1 ? 'file' : 'files'} →{' '}
              {formatInteger(creditsNeeded)} {creditsNeeded === 1 ? 'credit' : 'credits'}
            </strong>
            {credits !== null ? <>, you have {formatInteger(credits)}</> : null}
            <span className="block text-xs text-slate-600">
              Rejected files (corrupt, duplicate, scanned…) cost nothing.
            </span>
            {isShort ? (
              <span className="block text-xs font-medium text-amber-700">
                Not enough credits for all of them — files beyond your balance will be refused. Buy more on
                the Billing page.
              </span>
            ) : null}
          </p>
          <div className="flex shrink-0 gap-2">
            <Button variant="ghost" onClick={() => setItems(finished)} disabled={isUploading}>
              Clear
            </Button>
            <Button onClick={() => void upload()} isBusy={isUploading} disabled={!isVerified}>
              Upload &amp; screen {formatInteger(ready.length)}
            </Button>
          </div>
        </div>
      ) : null}

      {stopReason ? <Alert tone="error">{stopReason}</Alert> : null}

      {refused.length > 0 && !isUploading ? (
        <div className="flex flex-col gap-2 rounded-xl border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950 sm:flex-row sm:items-center sm:justify-between">
          <p>
            {formatInteger(refused.length)} {refused.length === 1 ? 'file was' : 'files were'} refused for lack of
            credits and {refused.length === 1 ? 'is' : 'are'} still here. Buy credits on the Billing page, then offer
            them again.
          </p>
          <Button variant="secondary" onClick={offerAgain} disabled={!isVerified}>
            Offer {formatInteger(refused.length)} again
          </Button>
        </div>
      ) : null}

      {items.length > 0 ? (
        <div>
          {finished.length > 0 ? (
            <p className="mb-2 text-xs text-slate-700" aria-live="polite" data-testid="upload-summary">
              {describeSummary(counts)}
            </p>
          ) : null}
          <ul
            // Scrollable, so it must be reachable by keyboard too.
            tabIndex={0}
            className="max-h-96 divide-y divide-slate-100 overflow-y-auto rounded-xl border border-slate-200 bg-white focus:ring-2 focus:ring-indigo-600 focus:outline-none"
            aria-label="Files"
          >
            {[...items]
              .sort((a, b) => problemRank(a) - problemRank(b))
              .map((item) => (
                <FileRow key={item.key} item={item} />
              ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Outcomes come back one per file in request order; names are a fallback if the server reorders. */
function matchOutcomes(batch: UploadItem[], outcomes: FileOutcome[]): Map<string, FileOutcome> {
  const matched = new Map<string, FileOutcome>();
  if (
    outcomes.length === batch.length &&
    outcomes.every((outcome, index) => outcome.file_name === batch[index]?.file.name)
  ) {
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (outcome) {
        matched.set(item.key, outcome);
      }
    });
    return matched;
  }
  const pool = [...outcomes];
  for (const item of batch) {
    const at = pool.findIndex((outcome) => outcome.file_name === item.file.name);
    if (at >= 0) {
      matched.set(item.key, pool[at] as FileOutcome);
      pool.splice(at, 1);
    }
  }
  return matched;
}

/** Problems first: a recruiter scanning 200 outcomes needs the few rejections, not the accepted bulk. */
function problemRank(item: UploadItem): number {
  return item.status === 'rejected' || item.status === 'failed' || item.status === 'no_credits' ? 0 : 1;
}

function FileRow({ item }: { item: UploadItem }) {
  const icon = {
    ready: <DocumentIcon className="size-5 text-slate-600" />,
    uploading: <UploadIcon className="size-5 text-indigo-500" />,
    processing: <ClockIcon className="size-5 text-indigo-500" />,
    accepted: <CheckIcon className="size-5 text-emerald-600" strokeWidth={2.25} />,
    rejected: <BanIcon className="size-5 text-rose-600" />,
    no_credits: <WarningIcon className="size-5 text-amber-600" />,
    failed: <WarningIcon className="size-5 text-amber-500" />,
  }[item.status];
  const label = {
    ready: 'Ready',
    uploading: `${Math.round(item.progress * 100)} %`,
    processing: 'Processing',
    accepted: 'Accepted',
    rejected: 'Rejected',
    no_credits: 'No credits',
    failed: 'Failed',
  }[item.status];
  return (
    <li
      className="flex items-center gap-3 px-4 py-2.5 text-sm"
      data-testid="upload-item"
      data-status={item.status}
    >
      <span className="shrink-0">{icon}</span>
      <div className="min-w-0 flex-1">
        <div className="flex items-center justify-between gap-2">
          <span className="truncate font-medium text-slate-800" title={item.file.name}>
            {item.file.name}
          </span>
          <span className="shrink-0 text-xs text-slate-600">{formatBytes(item.file.size)}</span>
        </div>
        {item.status === 'uploading' ? (
          <div
            className="mt-1 h-1 rounded-full bg-slate-200"
            role="progressbar"
            aria-label={`Uploading ${item.file.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(item.progress * 100)}
          >
            <div
              className="h-full rounded-full bg-indigo-500 transition-[width]"
              style={{ width: `${Math.round(item.progress * 100)}%` }}
            />
          </div>
        ) : null}
        {item.reason ? <p className="mt-0.5 text-xs text-rose-700">{item.reason}</p> : null}
      </div>
      <span
        className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${
          item.status === 'accepted'
            ? 'bg-emerald-100 text-emerald-800'
            : item.status === 'no_credits'
              ? 'bg-amber-100 text-amber-900'
              : item.status === 'rejected' || item.status === 'failed'
                ? 'bg-rose-100 text-rose-800'
                : 'bg-slate-100 text-slate-700'
        }`}
      >
        {label}
      </span>
    </li>
  );
}
