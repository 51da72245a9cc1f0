import { describe, expect, it } from 'vitest';
import { pickOrganisation, pickYear, readScope, writeScope, yearChoices } from './scope.ts';

describe('scope in the URL', () => {
  it('reads and writes org and year, keeping other parameters', () => {
    const search = new URLSearchParams('org=a&year=2024&payment=p1');
    expect(readScope(search)).toEqual({ organisationId: 'a', fiscalYear: 2024 });
    expect(writeScope(search, { organisationId: 'b', fiscalYear: 2025 }).toString()).toBe('org=b&year=2025&payment=p1');
    expect(writeScope(search, {}).toString()).toBe('payment=p1');
  });

  it('ignores nonsense years', () => {
    expect(readScope(new URLSearchParams('year=abc')).fiscalYear).toBeUndefined();
    expect(readScope(new URLSearchParams('year=12')).fiscalYear).toBeUndefined();
    expect(readScope(new URLSearchParams('org=')).organisationId).toBeUndefined();
  });
});

describe('pickOrganisation', () => {
  const visible = [{ id: 'bureau' }, { id: 'dept' }];
  it('prefers the requested, then the own, then the first visible organisation', () => {
    expect(pickOrganisation('dept', visible, 'bureau')).toBe('dept');
    expect(pickOrganisation('hidden', visible, 'dept')).toBe('dept');
    expect(pickOrganisation(undefined, visible, 'elsewhere')).toBe('bureau');
    expect(pickOrganisation(undefined, [], 'dept')).toBeUndefined();
  });
});

describe('pickYear', () => {
  it('prefers the requested year, then the latest with budget lines, then the latest configured', () => {
    expect(pickYear(2023, [2024], [2024, 2025])).toBe(2023);
    expect(pickYear(undefined, [2023, 2024], [2024, 2025])).toBe(2024);
    expect(pickYear(undefined, [], [2024, 2025])).toBe(2025);
    expect(pickYear(undefined, [], [])).toBeUndefined();
  });

  it('offers every known year, newest first', () => {
    expect(yearChoices([2024, 2025], [2023, 2024], 2022)).toEqual([2025, 2024, 2023, 2022]);
  });
});
