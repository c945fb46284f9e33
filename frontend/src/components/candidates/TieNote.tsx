import { useId, useState } from 'react';

/**
 * A small "tie" marker under a Match % that shows the same whole number as the row above; it opens the reason
 * one is listed first. A disclosure (button + the text right after it), so it works by keyboard and is read in
 * place by screen readers; Escape or leaving it closes it.
 */
export function TieNote({ reason }: { reason: string }) {
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  return (
    // One 16 px line under the score, no taller than the title line under the name: rows keep their height.
    <span
      className="relative flex h-4 justify-end"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen) {
          event.stopPropagation();
          setIsOpen(false);
        }
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) {
          setIsOpen(false);
        }
      }}
    >
      <button
        type="button"
        data-testid="tie-note"
        aria-expanded={isOpen}
        aria-controls={isOpen ? id : undefined}
        onClick={() => setIsOpen((open) => !open)}
        className="block rounded px-0.5 text-[11px] leading-4 font-medium text-slate-600 underline decoration-dotted underline-offset-2 hover:text-slate-900"
      >
        tie<span className="sr-only"> with the row above: why is it listed second?</span>
      </button>
      {isOpen ? (
        <span
          id={id}
          role="note"
          data-testid="tie-reason"
          className="absolute top-full right-0 z-20 mt-1 block w-60 rounded-lg bg-white p-2.5 text-left text-xs font-normal whitespace-normal text-slate-800 shadow-lg ring-1 ring-slate-300"
        >
          {reason}
        </span>
      ) : null}
    </span>
  );
}
