// What to cook, on the card itself: quantities, modifiers, notes, allergy notes in a box, and
// how many lines did not fit (the rest is one tap away: the card's Details button).
import type { Kitchen } from '../../../../shared/kitchen.js';
import { Icon } from '../../app/Icon.js';
import { useTexts } from '../../i18n/context.js';
import { isAllergyNote } from '../../../../shared/allergy.js';
import { cardKitchen } from './kitchen-rows.js';
import { CARD } from './texts.js';

function Note({ text }: { text: string }) {
  const t = useTexts(CARD);
  const allergy = isAllergyNote(text);
  return (
    <p className={`card-note${allergy ? ' card-note--allergy' : ''}`} title={text}>
      <Icon name={allergy ? 'warning' : 'note'} />
      {allergy && <strong className="card-note__flag">{t.allergy}</strong>}
      <span className="card-note__text">{text}</span>
    </p>
  );
}

interface Props {
  kitchen: Kitchen;
  /** Text rows this card has for the kitchen (kitchen-rows.ts). */
  rows: number;
}

export function CardKitchen({ kitchen, rows }: Props) {
  const t = useTexts(CARD);
  const shown = cardKitchen(kitchen, rows);
  return (
    <div className="card-kitchen" data-testid="card-items">
      {shown.notes.map((n, i) => (
        <Note key={`n${i}`} text={n} />
      ))}
      <ul className="card-lines">
        {shown.lines.map(({ line, showNote, modifierRows }, i) => (
          <li key={i} className="card-line">
            <span className="card-line__name">
              <strong className="card-line__qty">{line.quantity}×</strong> {line.name}
            </span>
            {showNote && line.note && <Note text={line.note} />}
            {modifierRows > 0 && (
              <span
                className={`card-line__mods card-line__mods--${modifierRows}`}
                title={line.modifiers.join(', ')}
              >
                {line.modifiers.join(', ')}
              </span>
            )}
          </li>
        ))}
      </ul>
      {/* Words, not a second Details button: the card's own is right below. */}
      {shown.cut && (
        <p className="card-kitchen__more">
          {shown.more > 0 ? t.moreLines(shown.more) : t.moreDetails}
        </p>
      )}
    </div>
  );
}
