import { MAX_COMPARE, MIN_COMPARE, type CandidateStage } from '@shortlist/contracts';
import { useId, useState } from 'react';
import { toast } from 'sonner';
import { candidatesApi } from '../../api/candidates';
import { formatInteger } from '../../lib/format';
import { STAGE_LABELS, STAGE_ORDER } from '../../lib/stages';
import { Button } from '../ui';
import { useBulkStage } from './mutations';

/** Actions on the selected candidates (kept across pages): move to a stage, compare, export. */
export function BulkBar({
  jobId,
  selected,
  onClear,
  onCompare,
}: {
  jobId: number;
  selected: number[];
  onClear: () => void;
  onCompare: () => void;
}) {
  const stageId = useId();
  const [stage, setStage] = useState<CandidateStage>('to_review');
  const [isExporting, setIsExporting] = useState(false);
  const bulk = useBulkStage(jobId);
  const canCompare = selected.length >= MIN_COMPARE && selected.length <= MAX_COMPARE;

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setIsExporting(true);
    try {
      toast.success(`Downloaded ${await candidatesApi.exportSelection(jobId, selected, format)}`);
    } catch {
      // toasted by the client
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <div
      role="region"
      aria-label="Selected candidates"
      className="flex flex-wrap items-center gap-2 border-b border-indigo-100 bg-indigo-50 px-4 py-2 text-sm"
    >
      <strong className="font-semibold text-indigo-950">{formatInteger(selected.length)} selected</strong>
      <label htmlFor={stageId} className="ml-2 text-slate-800">
        Move to
      </label>
      <select
        id={stageId}
        value={stage}
        onChange={(event) => setStage(event.target.value as CandidateStage)}
        className="rounded-lg border-0 py-1 pr-7 pl-2 text-sm ring-1 ring-slate-300 ring-inset"
      >
        {STAGE_ORDER.map((s) => (
          <option key={s} value={s}>
            {STAGE_LABELS[s]}
          </option>
        ))}
      </select>
      <Button
        variant="secondary"
        isBusy={bulk.isPending}
        onClick={() => bulk.mutate({ candidateIds: selected, stage }, { onSuccess: onClear })}
      >
        Apply
      </Button>
      <span className="mx-1 h-5 w-px bg-indigo-200" aria-hidden="true" />
      <Button
        variant="secondary"
        disabled={!canCompare}
        onClick={onCompare}
        title={canCompare ? undefined : `Select ${MIN_COMPARE} to ${MAX_COMPARE} candidates to compare`}
      >
        Compare
      </Button>
      <Button variant="secondary" isBusy={isExporting} onClick={() => void exportAs('csv')}>
        Export CSV
      </Button>
      <Button variant="secondary" disabled={isExporting} onClick={() => void exportAs('xlsx')}>
        Export Excel
      </Button>
      <Button variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
