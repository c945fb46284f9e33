import { forwardRef, useId } from 'react';
import { formatInteger } from '../../lib/format';

export const PAGE_SIZES = [25, 50, 100] as const;

/** Pages of the server's answer; keyboard users reach it with the "Skip the table" link above the table. */
export const Pagination = forwardRef<
  HTMLElement,
  {
    page: number;
    pageSize: number;
    total: number;
    onPage: (page: number) => void;
    onPageSize: (size: number) => void;
  }
>(function Pagination({ page, pageSize, total, onPage, onPageSize }, ref) {
  const sizeId = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const buttonClass =
    'rounded-lg px-3 py-1.5 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-500 disabled:hover:bg-white';
  return (
    <nav
      ref={ref}
      id="candidates-pagination"
      tabIndex={-1}
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm text-slate-700 focus:outline-none"
    >
      <p aria-live="polite">
        {formatInteger(first)}–{formatInteger(last)} of {formatInteger(total)}
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor={sizeId} className="text-xs text-slate-700">
          Per page
        </label>
        <select
          id={sizeId}
          value={pageSize}
          onChange={(event) => onPageSize(Number(event.target.value))}
          className="rounded-lg border-0 py-1 pr-7 pl-2 text-sm ring-1 ring-slate-300 ring-inset"
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <button type="button" className={buttonClass} disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <span className="tabular-nums">
          Page {formatInteger(page)} of {formatInteger(pages)}
        </span>
        <button type="button" className={buttonClass} disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </button>
      </div>
    </nav>
  );
});
