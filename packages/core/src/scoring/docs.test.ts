import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDINGS } from '../checks/findings.ts';
import { RULES } from './rules.ts';

const scoringDoc = readFileSync(new URL('../../../../docs/scoring.md', import.meta.url), 'utf8');
const targetsDoc = readFileSync(new URL('../../../../docs/targets.md', import.meta.url), 'utf8');
/** Declaration-time findings are documented with the declaration checks, in docs/targets.md. */
const isDeclarationCode = (code: string) => code.startsWith('DECLARATION_');

describe('docs/scoring.md', () => {
  it.each(Object.keys(RULES))('states rule %s', (id) => {
    expect(scoringDoc).toContain(`\`${id}\``);
  });

  it.each(Object.keys(FINDINGS).filter((code) => !isDeclarationCode(code)))('documents finding %s', (code) => {
    expect(scoringDoc).toContain(`\`${code}\``);
  });
});

describe('docs/targets.md', () => {
  it.each(Object.keys(FINDINGS).filter(isDeclarationCode))('documents finding %s', (code) => {
    expect(targetsDoc).toContain(`\`${code}\``);
  });
});
