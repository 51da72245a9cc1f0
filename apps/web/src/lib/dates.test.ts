import { describe, expect, it } from 'vitest';
import { chinaToday } from './dates.ts';

describe('chinaToday', () => {
  it('is the calendar date in China, not in the browser’s zone', () => {
    expect(chinaToday(new Date('2024-12-30T16:30:00Z'))).toBe('2024-12-31');
    expect(chinaToday(new Date('2024-12-30T15:59:59Z'))).toBe('2024-12-30');
  });
});
