import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';

/**
 * The browser tests share one server and one database, and tell the year in order: money is spent
 * during the year (a payment moves the execution rate and a ledger-bound indicator of the draft
 * evaluation), then the evaluation is submitted, reviewed and published, which freezes its ledger
 * figures. Run the other way round the payment would rightly leave the published figures alone.
 * The procurement comes last: its contract holds money on a line of the department's ledger, which
 * the figures the other two expect must not see. The public site ends the year: it publishes the
 * project evaluation, which the stories that still edit it (filed-form fields) must find a draft. The
 * bureau's year end comes after it: it re-reviews the published evaluations and publishes the result,
 * which no earlier story may see (the public site's department page, the to-dos of the unit).
 */
const STORY = ['payment-flow.e2e.test.ts', 'evaluation-flow.e2e.test.ts', 'procurement-flow.e2e.test.ts'];
const LAST = ['public-site.e2e.test.ts', 'bureau-flow.e2e.test.ts'];

const rank = (spec: TestSpecification) => {
  const last = LAST.findIndex((name) => spec.moduleId.endsWith(`/${name}`));
  if (last !== -1) return STORY.length + 1 + last;
  const index = STORY.findIndex((name) => spec.moduleId.endsWith(`/${name}`));
  return index === -1 ? STORY.length : index;
};

export class StoryOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = sorted.filter((spec) => spec.project.name === 'e2e').sort((a, b) => rank(a) - rank(b));
    let next = 0;
    return sorted.map((spec) => (spec.project.name === 'e2e' ? (browser[next++] ?? spec) : spec));
  }
}
