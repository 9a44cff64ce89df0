import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** One accessibility problem axe found, with the elements it found it on. */
export interface Violation {
  readonly rule: string;
  readonly impact: string;
  readonly targets: readonly string[];
}

/**
 * The violations a person would be blocked by (serious and critical; minor and moderate ones are
 * left to review), on the whole page or only inside the elements with these test ids.
 */
export async function seriousViolations(
  page: Page,
  testIds: readonly string[] = [],
): Promise<Violation[]> {
  let axe = new AxeBuilder({ page });
  for (const id of testIds) axe = axe.include(`[data-testid="${id}"]`);
  const result = await axe.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/** The autoscaling run's panels, scanned in light and dark. */
export const SCALING_PANELS = [
  'autoscaling.panel',
  'autoscaling.overTime',
  'objectives.panel',
  'traffic.overTheDay',
] as const;
