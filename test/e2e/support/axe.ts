// The accessibility bar every screen is held to: an axe scan (@axe-core/playwright) with the WCAG
// 2.1 A and AA rules, of which only serious and critical violations fail a test. One home, so the
// screens' own e2e files and a11y.test.ts cannot drift apart on what "accessible" means.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Serious and critical violations on the page as it is now, one readable line each, prefixed
 * with `where` so a failure says which screen it was. */
export async function axeViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Only violations are read: skipping the rest of the report makes each scan faster.
    .options({ resultTypes: ['violations'] })
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`.trim())
          .join(' | ')}`,
    );
}
