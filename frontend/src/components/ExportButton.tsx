import { useEffect, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { downloadFile } from '../api/client';

type Format = 'csv' | 'xlsx';

/** `↓ Export Shortlisted (N)`: a menu with CSV and Excel; disabled while nobody is shortlisted. */
export function ExportButton({ jobId, count }: { jobId: number; count: number }) {
  const [isOpen, setIsOpen] = useState(false);
  const [busyFormat, setBusyFormat] = useState<Format | null>(null);
  const menuId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const isDisabled = count === 0;

  useEffect(() => {
    if (!isOpen) {
      return;
    }
    const close = (event: MouseEvent) => {
      if (wrapper.current && !wrapper.current.contains(event.target as Node)) {
        setIsOpen(false);
      }
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [isOpen]);

  const download = async (format: Format) => {
    setBusyFormat(format);
    setIsOpen(false);
    try {
      const name = await downloadFile(
        `/export/job/${jobId}/shortlisted?format=${format}`,
        `shortlisted.${format}`,
      );
      toast.success(`Downloaded ${name}`);
    } catch {
      // toasted by the client
    } finally {
      setBusyFormat(null);
    }
  };

  return (
    <div
      ref={wrapper}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen) {
          setIsOpen(false);
          trigger.current?.focus();
        }
      }}
    >
      <button
        ref={trigger}
        type="button"
        disabled={isDisabled || busyFormat !== null}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        title={isDisabled ? 'Nobody is shortlisted yet' : 'Download the shortlisted candidates'}
        onClick={() => setIsOpen((open) => !open)}
        className="inline-flex items-center gap-2 rounded-lg bg-emerald-700 px-3.5 py-2 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-emerald-800 disabled:cursor-not-allowed disabled:bg-slate-200 disabled:text-slate-700"
      >
        <span aria-hidden="true">↓</span> Export Shortlisted ({count})
        <svg viewBox="0 0 20 20" className="size-4" fill="currentColor" aria-hidden="true">
          <path d="M5.3 7.3a1 1 0 011.4 0L10 10.6l3.3-3.3a1 1 0 111.4 1.4l-4 4a1 1 0 01-1.4 0l-4-4a1 1 0 010-1.4z" />
        </svg>
      </button>
      {isOpen ? (
        <div
          id={menuId}
          role="menu"
          aria-label="Export format"
          onKeyDown={(event) => {
            // Menu semantics promise arrow-key movement between the items.
            if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
              return;
            }
            event.preventDefault();
            const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
            const at = items.indexOf(document.activeElement as HTMLButtonElement);
            const next =
              event.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
            items[next]?.focus();
          }}
          className="absolute right-0 z-20 mt-2 w-52 overflow-hidden rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
        >
          <button
            type="button"
            role="menuitem"
            autoFocus
            className="flex w-full items-center justify-between px-4 py-2 text-left text-sm text-slate-700 hover:bg-slate-50 focus:bg-slate-50 focus:outline-none"
            onClick={() => void download('csv')}
          >
            CSV <span className="text-xs text-slate-600">.csv</span>
          </button>
          <button
            type="button"
            role="menuitem"
            className="flex w-full items-center justify-between px-4 py-2 text-left text-sm text-slate-700 hover:bg-slate-50 focus:bg-slate-50 focus:outline-none"
            onClick={() => void download('xlsx')}
          >
            Excel <span className="text-xs text-slate-600">.xlsx</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
