import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useSkillVocabulary } from '../../api/queries';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { Spinner } from '../ui';

const TYPING_PAUSE_MS = 150;

/**
 * A text field that only ever yields a skill the vocabulary knows: suggestions come from
 * `GET /vocabulary/skills` as the recruiter types (also by alias: "k8s" offers Kubernetes), and what is picked is
 * the suggestion's canonical name, never the typed text. An ARIA 1.2 combobox: arrows move through the list,
 * Enter picks, Escape closes.
 */
export function SkillCombobox({
  label,
  isLabelHidden = false,
  buttonLabel,
  buttonAriaLabel,
  onPick,
  taken,
  disabled = false,
  autoFocus = false,
}: {
  label: string;
  isLabelHidden?: boolean;
  buttonLabel: string;
  /** The button's name for screen readers when its visible text ("Add") is not enough on its own. */
  buttonAriaLabel?: string;
  /** Returns why the skill cannot be used here (already a requirement…), or null once it is added. */
  onPick: (skill: string) => string | null;
  /** Skills already used (lower case): offered, but marked and refused. */
  taken: ReadonlySet<string>;
  disabled?: boolean;
  autoFocus?: boolean;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [activeIndex, setActiveIndex] = useState(-1);
  const [isDismissed, setIsDismissed] = useState(false);
  const [isFocused, setIsFocused] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const typed = text.trim();
  const query = useDebouncedValue(typed, TYPING_PAUSE_MS);
  const suggestions = useSkillVocabulary(query);
  const options = typed === '' ? [] : (suggestions.data ?? []);
  const isSettled = query === typed && !suggestions.isPlaceholderData && !suggestions.isFetching;
  const exact = options.find((skill) => skill.toLowerCase() === typed.toLowerCase());
  const isOpen = isFocused && !isDismissed && options.length > 0;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const pick = (skill: string) => {
    const problem = onPick(skill);
    if (problem) {
      setError(problem);
      return;
    }
    setText('');
    setError(null);
    setActiveIndex(-1);
    inputRef.current?.focus();
  };

  // The typed text is never added as is: only a suggestion (the exact one, or the one the arrows chose).
  const submit = () => {
    if (isOpen && activeIndex >= 0 && options[activeIndex]) {
      pick(options[activeIndex]);
    } else if (exact) {
      pick(exact);
    } else if (typed === '') {
      setError('Type a skill, then choose it from the suggestions.');
    } else if (!isSettled) {
      setError('Looking up skills… choose one from the suggestions.');
    } else {
      setError(`“${typed}” is not a skill Shortlist knows — choose one of the suggestions.`);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setIsDismissed(false);
        setActiveIndex((index) => (options.length === 0 ? -1 : (index + 1) % options.length));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setIsDismissed(false);
        setActiveIndex((index) => (options.length === 0 ? -1 : index <= 0 ? options.length - 1 : index - 1));
        break;
      case 'Enter':
        event.preventDefault();
        submit();
        break;
      case 'Escape':
        if (isOpen) {
          event.preventDefault();
          setIsDismissed(true);
          setActiveIndex(-1);
        }
        break;
      default:
        break;
    }
  };

  const hint =
    error ??
    (typed !== '' && isSettled && options.length === 0
      ? suggestions.isError
        ? 'Suggestions are unavailable right now; try again in a moment.'
        : `No skill Shortlist knows matches “${typed}”.`
      : null);

  return (
    <div className="min-w-0">
      <label htmlFor={`${id}-input`} className={isLabelHidden ? 'sr-only' : 'mb-1 block text-xs font-medium text-slate-700'}>
        {label}
      </label>
      <div className="flex gap-2">
        <div className="relative min-w-0 flex-1">
          <input
            ref={inputRef}
            id={`${id}-input`}
            type="text"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            // Set only where the field was just opened on purpose (a chip's "edit"), so focus lands where the user looks.
            autoFocus={autoFocus}
            aria-autocomplete="list"
            aria-expanded={isOpen}
            aria-controls={listId}
            aria-activedescendant={isOpen && activeIndex >= 0 ? optionId(activeIndex) : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={hint ? hintId : undefined}
            disabled={disabled}
            value={text}
            placeholder="Type a skill, e.g. Kubernetes"
            onChange={(event) => {
              setText(event.target.value);
              setActiveIndex(-1);
              setIsDismissed(false);
              setError(null);
            }}
            onKeyDown={onKeyDown}
            onFocus={() => setIsFocused(true)}
            onBlur={() => setIsFocused(false)}
            className="block w-full rounded-lg border-0 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-50 aria-[invalid=true]:ring-rose-500"
          />
          {suggestions.isFetching && typed !== '' ? (
            <span className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 text-slate-500">
              <Spinner className="size-3.5" />
            </span>
          ) : null}
          <ul
            id={listId}
            role="listbox"
            aria-label={`Skills matching “${typed}”`}
            hidden={!isOpen}
            className="absolute top-full right-0 left-0 z-30 mt-1 max-h-60 overflow-auto rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-300"
          >
            {options.map((skill, index) => {
              const isTaken = taken.has(skill.toLowerCase());
              return (
                <li
                  key={skill}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === activeIndex}
                  aria-disabled={isTaken || undefined}
                  // Keeps focus in the field, so the list does not close before the click lands.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(skill)}
                  className={`flex cursor-pointer justify-between gap-2 px-2.5 py-1.5 ${
                    index === activeIndex ? 'bg-indigo-700 text-white' : 'text-slate-900 hover:bg-slate-100'
                  }`}
                >
                  <span className="truncate">{skill}</span>
                  {isTaken ? <span className={index === activeIndex ? 'text-white' : 'text-slate-600'}>already listed</span> : null}
                </li>
              );
            })}
          </ul>
        </div>
        <button
          type="button"
          disabled={disabled}
          aria-label={buttonAriaLabel}
          onClick={submit}
          className="shrink-0 rounded-lg bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 disabled:text-slate-400"
        >
          {buttonLabel}
        </button>
      </div>
      <p id={hintId} aria-live="polite" className={`mt-1 text-xs ${error ? 'text-rose-700' : 'text-slate-600'}`}>
        {hint}
      </p>
    </div>
  );
}
