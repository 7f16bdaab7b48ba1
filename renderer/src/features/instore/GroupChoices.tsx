// The modifier groups at one level of an item, each option a big button within the group's
// min / max, and under each chosen option the groups it opens (nesting to any depth).
import { useLanguage, useTexts } from '../../i18n/context.js';
import { money } from '../../ui/format.js';
import {
  groupRule,
  setNestedPicks,
  togglePick,
  type GroupProblem,
  type ModifierPick,
} from './draft.js';
import { isModifierAvailable, type Menu } from './menu.js';
import { CHOOSER_TEXTS } from './texts.js';

interface GroupProps {
  menu: Menu;
  groupIds: readonly string[];
  picks: ModifierPick[];
  onChange: (picks: ModifierPick[]) => void;
  soldOut: ReadonlySet<string>;
  currency: string;
  problems: GroupProblem[];
  /** Path of the modifiers chosen above these groups, as in `GroupProblem.path`. */
  prefix: string;
}

/** The groups at one level, and under each chosen option the groups it opens. */
export function GroupChoices({
  menu,
  groupIds,
  picks,
  onChange,
  soldOut,
  currency,
  problems,
  prefix,
}: GroupProps) {
  const language = useLanguage();
  const t = useTexts(CHOOSER_TEXTS);
  return (
    <>
      {groupIds.map((groupId) => {
        const group = menu.groups.get(groupId);
        if (!group) return null;
        const chosen = picks.filter((p) => p.groupId === groupId);
        const full = !group.single && chosen.length >= group.max;
        const problem = problems.find((p) => p.path === `${prefix}${groupId}`);
        const ruleId = `rule-${prefix}${groupId}`.replace(/[^\w-]/g, '_');
        return (
          <fieldset
            key={groupId}
            className="choice-group"
            data-problem={problem !== undefined}
            aria-describedby={ruleId}
          >
            <legend>
              {group.name}{' '}
              <span id={ruleId} className="choice-group__rule">
                {groupRule(group, language)}
              </span>
              {problem && (
                <span className="field-error choice-group__error">{problem.message}</span>
              )}
            </legend>
            <div className="choice-row">
              {group.modifierIds.map((modifierId) => {
                const modifier = menu.modifiers.get(modifierId);
                if (!modifier) return null;
                const isPicked = chosen.some((p) => p.modifierId === modifierId);
                const available = isModifierAvailable(modifier, soldOut);
                return (
                  <button
                    key={modifierId}
                    type="button"
                    className={`option${isPicked ? ' is-picked' : ''}`}
                    aria-pressed={isPicked}
                    disabled={!isPicked && (!available || full)}
                    onClick={() => onChange(togglePick(picks, group, modifier))}
                  >
                    <span>{modifier.name}</span>
                    <span className="option__price">
                      {!available
                        ? t.soldOut
                        : modifier.priceCents
                          ? `+${money(modifier.priceCents, currency, language)}`
                          : ''}
                    </span>
                  </button>
                );
              })}
            </div>
            {chosen
              .filter((p) => (menu.modifiers.get(p.modifierId)?.groupIds.length ?? 0) > 0)
              .map((p) => (
                <div key={p.modifierId} className="choice-nested">
                  <p className="choice-nested__title">{p.name}:</p>
                  <GroupChoices
                    menu={menu}
                    groupIds={menu.modifiers.get(p.modifierId)!.groupIds}
                    picks={p.picks}
                    onChange={(nested) => onChange(setNestedPicks(picks, p, nested))}
                    soldOut={soldOut}
                    currency={currency}
                    problems={problems}
                    prefix={`${prefix}${p.groupId}/${p.modifierId}/`}
                  />
                </div>
              ))}
          </fieldset>
        );
      })}
    </>
  );
}
