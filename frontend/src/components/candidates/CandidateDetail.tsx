import type { Candidate, CandidateHistoryEntry, CandidateStage, ScoreExplanation } from '@shortlist/contracts';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useCandidateDetail } from '../../api/queries';
import { displayName } from '../../lib/candidate-name';
import { formatDate, formatPhone, formatYears } from '../../lib/format';
import { whyRanksAbove, whyRowRanksAbove } from '../../lib/ranking';
import { STAGE_LABELS, STAGE_ORDER } from '../../lib/stages';
import { Button, Spinner } from '../ui';
import { RecommendationBadge, StageBadge } from './badges';
import { DuplicateBadge } from './DuplicateBadge';
import { useAddNote, useSetStage } from './mutations';
import { OccupationFit, RequirementList } from './RequirementList';
import { ScoreBreakdown } from './ScoreBreakdown';

/**
 * The expanded row: contact, how the file was read, a possible duplicate, every requirement with its resume
 * evidence, how the parts add up to the Match % and why it ranks above the next row, the decision, and the
 * history with notes.
 */
export function CandidateDetail({
  jobId,
  candidate,
  ranking,
  original,
  onShowRow,
}: {
  jobId: number;
  candidate: Candidate;
  /** Set when the table is in score order: this row's rank and the row below it on the page (if any). */
  ranking?: { rank: number; below: Candidate | undefined };
  /** The earlier candidate this one may duplicate, when their row is on the page. */
  original?: Candidate;
  onShowRow?: (candidateId: number) => void;
}) {
  const detail = useCandidateDetail(jobId, candidate.id);
  const shown = detail.data?.candidate ?? candidate;
  const explanation = detail.data?.explanation ?? null;
  const isLoading = detail.isPending;
  return (
    <div className="grid min-w-0 gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-4">
        <Contact candidate={shown} />
        <ProcessingNotes notes={shown.processing_notes} />
        {shown.duplicate_of !== null ? (
          <div className="space-y-1">
            <DuplicateBadge jobId={jobId} candidate={shown} original={original} onShowOriginal={onShowRow} />
            <p className="text-xs text-slate-700">
              <Link
                to={`/jobs/${jobId}/compare?ids=${shown.duplicate_of},${shown.id}`}
                className="font-semibold text-indigo-700 hover:underline"
              >
                Compare the two side by side
              </Link>{' '}
              before deciding which one to keep.
            </p>
          </div>
        ) : null}
        {isLoading ? <Spinner className="size-4" label="Loading the evidence…" /> : <RequirementList candidate={shown} explanation={explanation} />}
      </div>
      <div className="min-w-0 space-y-4">
        {isLoading ? null : <ScoreBreakdown candidate={shown} explanation={explanation} />}
        {explanation ? <OccupationFit explanation={explanation} /> : null}
        {ranking && ranking.below && !isLoading ? (
          <RankNote jobId={jobId} upper={shown} upperExplanation={explanation} rank={ranking.rank} below={ranking.below} />
        ) : null}
        <p className="text-xs text-slate-600">
          Recommendation: <RecommendationBadge status={shown.status} /> — the score only recommends; a person decides.
        </p>
      </div>
      <div className="min-w-0 space-y-4">
        <StageControl jobId={jobId} candidate={shown} />
        <History jobId={jobId} candidate={shown} entries={detail.data?.history} isLoading={detail.isPending} />
      </div>
    </div>
  );
}

/** How the file was read, when the recruiter should know ("Only the first 30 of 3,000 pages were read."). */
function ProcessingNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) {
    return null;
  }
  return (
    <div className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-950 ring-1 ring-amber-200" data-testid="processing-notes">
      <p className="font-semibold">How this file was read</p>
      <ul className="mt-0.5 list-disc space-y-0.5 pl-4">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Ranks #3, above #4 (Candidate #812), because …": from both explanations when they exist (the part that moves
 * the most points, or the finer score), else from the two rows' scores.
 */
function RankNote({
  jobId,
  upper,
  upperExplanation,
  rank,
  below,
}: {
  jobId: number;
  upper: Candidate;
  upperExplanation: ScoreExplanation | null;
  rank: number;
  below: Candidate;
}) {
  const next = useCandidateDetail(jobId, below.id);
  if (next.isPending) {
    return <Spinner className="size-4" label="Comparing with the next row…" />;
  }
  const belowExplanation = next.data?.explanation ?? null;
  const reason =
    upperExplanation && belowExplanation
      ? whyRanksAbove(upperExplanation, belowExplanation)
      : whyRowRanksAbove(upper, next.data?.candidate ?? below);
  return (
    <div className="space-y-1" data-testid="rank-note">
      <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Ranking</h4>
      <p className="text-sm text-slate-800">
        <strong className="font-semibold">#{rank}</strong>, above #{rank + 1} ({displayName(below)}), because:{' '}
        {reason}
      </p>
    </div>
  );
}

function Contact({ candidate }: { candidate: Candidate }) {
  if (candidate.is_identity_hidden) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-3 py-2 text-xs text-slate-700">
        <strong className="font-semibold">Blind review:</strong> name, contact details, location and file name are
        hidden until this candidate is shortlisted.
      </div>
    );
  }
  const rows: Array<[string, string]> = [
    ['Email', candidate.email ?? '—'],
    ['Phone', formatPhone(candidate.phone)],
    ['Experience', formatYears(candidate.experience_years)],
    ['Location', candidate.location ?? '—'],
    ['File', candidate.file_name ?? '—'],
  ];
  return (
    <dl className="space-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="flex gap-2">
          <dt className="w-20 shrink-0 text-slate-600">{label}</dt>
          <dd className="min-w-0 break-words text-slate-900">{value}</dd>
        </div>
      ))}
      {candidate.links.length > 0 ? (
        <div className="flex gap-2">
          <dt className="w-20 shrink-0 text-slate-600">Links</dt>
          <dd className="min-w-0 space-y-0.5">
            {candidate.links.map((link) => (
              <a
                key={link}
                className="block break-all text-indigo-700 hover:underline"
                href={link.startsWith('http') ? link : `https://${link}`}
                target="_blank"
                rel="noreferrer noopener"
              >
                {link}
              </a>
            ))}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function StageControl({ jobId, candidate }: { jobId: number; candidate: Candidate }) {
  const setStage = useSetStage(jobId);
  const change = (stage: CandidateStage) => {
    if (stage !== candidate.stage) {
      setStage.mutate({ candidateId: candidate.id, stage });
    }
  };
  return (
    <div className="space-y-2">
      <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Decision</h4>
      <div role="group" aria-label="Stage" className="flex flex-wrap gap-1">
        {STAGE_ORDER.map((stage) => (
          <button
            key={stage}
            type="button"
            aria-pressed={candidate.stage === stage}
            disabled={setStage.isPending}
            onClick={() => change(stage)}
            className={`rounded-md px-2.5 py-1 text-xs font-semibold ring-1 ring-inset ${
              candidate.stage === stage
                ? 'bg-indigo-700 text-white ring-indigo-700'
                : 'bg-white text-slate-800 ring-slate-300 hover:bg-slate-50'
            }`}
          >
            {STAGE_LABELS[stage]}
          </button>
        ))}
      </div>
      <p className="text-xs text-slate-600">
        {candidate.stage_changed_by
          ? `Set by ${candidate.stage_changed_by}, ${formatDate(candidate.stage_changed_at)}.`
          : 'No decision yet.'}
      </p>
    </div>
  );
}

function History({
  jobId,
  candidate,
  entries,
  isLoading,
}: {
  jobId: number;
  candidate: Candidate;
  entries: CandidateHistoryEntry[] | undefined;
  isLoading: boolean;
}) {
  const addNote = useAddNote(jobId);
  const [note, setNote] = useState('');
  const noteId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') {
      return;
    }
    addNote.mutate({ candidateId: candidate.id, body: note.trim() }, { onSuccess: () => setNote('') });
  };
  return (
    <div className="space-y-2">
      <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">History &amp; notes</h4>
      <form onSubmit={submit} className="space-y-1.5">
        <label htmlFor={noteId} className="sr-only">
          Add a note
        </label>
        <textarea
          id={noteId}
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder="Add a note (kept in the history)"
          className="block w-full rounded-lg border-0 px-2.5 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600"
        />
        <Button type="submit" variant="secondary" isBusy={addNote.isPending} disabled={note.trim() === ''}>
          Add note
        </Button>
      </form>
      {isLoading ? <Spinner className="size-4" label="Loading history…" /> : null}
      {entries && entries.length === 0 ? <p className="text-xs text-slate-600">Nothing recorded yet.</p> : null}
      {entries && entries.length > 0 ? (
        <ol className="space-y-2 border-l border-slate-200 pl-3" aria-label="History">
          {entries.map((entry) => (
            <li key={entry.id} className="text-xs text-slate-700" data-testid="history-entry">
              <div>
                <strong className="font-semibold text-slate-900">{entry.actor}</strong>{' '}
                {entry.kind === 'stage' && entry.to_stage ? (
                  <>
                    moved {entry.from_stage ? <StageBadge stage={entry.from_stage} /> : null} →{' '}
                    <StageBadge stage={entry.to_stage} />
                  </>
                ) : (
                  'added a note'
                )}
                <span className="text-slate-600"> · {formatDate(entry.created_at)}</span>
              </div>
              {entry.note ? <p className="mt-0.5 break-words whitespace-pre-line text-slate-800">{entry.note}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
