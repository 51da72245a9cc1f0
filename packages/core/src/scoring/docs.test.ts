import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDINGS } from '../checks/findings.ts';
import { RULES } from './rules.ts';

const scoringDoc = readFileSync(new URL('../../../../docs/scoring.md', import.meta.url), 'utf8');

describe('docs/scoring.md', () => {
  it.each(Object.keys(RULES))('states rule %s', (id) => {
    expect(scoringDoc).toContain(`\`${id}\``);
  });

  it.each(Object.keys(FINDINGS))('documents finding %s', (code) => {
    expect(scoringDoc).toContain(`\`${code}\``);
  });
});
