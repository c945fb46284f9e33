import type { FileOutcome } from '@shortlist/contracts';
import { Card } from './ui';
import { BanIcon } from './icons';

export function RejectedFiles({ files }: { files: FileOutcome[] }) {
  const rejected = files.filter((file) => file.outcome === 'rejected');
  if (rejected.length === 0) {
    return null;
  }
  return (
    <Card title={`Files not screened (${rejected.length})`} bodyClassName="p-0">
      <ul className="divide-y divide-slate-100" aria-label="Rejected files">
        {rejected.map((file, index) => (
          <li
            key={`${file.file_name}-${index}`}
            className="flex flex-col gap-0.5 px-5 py-3 text-sm sm:flex-row sm:items-center sm:gap-4"
            data-testid="rejected-file"
          >
            <span className="min-w-0 truncate font-medium text-slate-800 sm:w-72" title={file.file_name}>
              <BanIcon className="mr-1.5 inline size-4 align-[-3px] text-rose-500" />
              {file.file_name}
            </span>
            <span className="text-rose-700">{file.reason ?? 'Rejected'}</span>
          </li>
        ))}
      </ul>
      <p className="border-t border-slate-100 px-5 py-2.5 text-xs text-slate-500">
        Rejected files never cost a credit.
      </p>
    </Card>
  );
}
