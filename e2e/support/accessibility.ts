import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// axe-core checks what a tool can: contrast, names and labels, landmarks, ARIA use. Serious and
// critical findings fail a test; minor and moderate ones are left to review.
type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** axe-core's serious and critical findings on the page, or only inside `within` (a CSS selector). */
export async function blockingViolations(page: Page, within?: string): Promise<Violation[]> {
  const builder = new AxeBuilder({ page });
  if (within) builder.include(within);
  const { violations } = await builder.analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Fails with one paragraph per rule: what is wrong, where (CSS selector) and axe's own summary of the fix. */
export function expectNoViolations(violations: Violation[]) {
  expect(
    violations.map((v) => v.id),
    report(violations),
  ).toEqual([]);
}

/** Checks the page (or the part `within` selects) as it is now. */
export async function expectAccessible(page: Page, within?: string) {
  expectNoViolations(await blockingViolations(page, within));
}

function report(violations: Violation[]): string {
  return violations
    .map((v) =>
      [
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
        ...v.nodes.map(
          (node) => `  at ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ')}`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}
