// A row of big toggle chips choosing one of several values: each chip a real button (so Tab,
// Enter and Space work), the picked one pressed (`aria-pressed`) and marked `is-picked`. The
// feature gives the words: a chip's label, and the row's name as a legend or a group label.
import type { ReactNode } from 'react';

interface Props<T extends string> {
  options: readonly T[];
  picked: T | null;
  onPick: (option: T) => void;
  /** What a chip shows. */
  label: (option: T) => ReactNode;
  /** What a chip is called when what it shows is shorter (a narrow screen's short words). */
  spokenLabel?: ((option: T) => string) | undefined;
  /** The row's name as a visible legend: the row is a fieldset. */
  legend?: string | undefined;
  /** The row's name for screen readers only: the row is a labelled group. */
  groupLabel?: string | undefined;
  className?: string | undefined;
  /** More controls that sit in the same row after the chips (a date range's own fields). */
  children?: ReactNode;
}

export function ChoiceChips<T extends string>({
  options,
  picked,
  onPick,
  label,
  spokenLabel,
  legend,
  groupLabel,
  className = 'choice-row',
  children,
}: Props<T>) {
  const chips = options.map((option) => (
    <button
      key={option}
      type="button"
      className={`chip${picked === option ? ' is-picked' : ''}`}
      aria-pressed={picked === option}
      aria-label={spokenLabel?.(option)}
      data-choice={option}
      onClick={() => onPick(option)}
    >
      {label(option)}
    </button>
  ));
  if (legend !== undefined)
    return (
      <fieldset className={className}>
        <legend>{legend}</legend>
        {chips}
        {children}
      </fieldset>
    );
  return (
    <div
      className={className}
      role={groupLabel === undefined ? undefined : 'group'}
      aria-label={groupLabel}
    >
      {chips}
      {children}
    </div>
  );
}
