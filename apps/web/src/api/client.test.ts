import { describe, expect, it } from 'vitest';
import { filenameOf, queryString } from './client.ts';

describe('queryString', () => {
  it('drops empty values and encodes the rest', () => {
    expect(queryString({ fiscalYear: 2024, status: undefined, kind: '', entityId: 'a b', limit: null })).toBe(
      '?fiscalYear=2024&entityId=a+b',
    );
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });
});

describe('filenameOf', () => {
  it('prefers the UTF-8 name the server sends for Chinese file names', () => {
    const name = '番禺区2024年度部门整体支出绩效自评表说明.docx';
    expect(filenameOf(`attachment; filename="____2024.docx"; filename*=UTF-8''${encodeURIComponent(name)}`, 'report.docx')).toBe(name);
  });

  it('falls back to the plain name, then to the given one', () => {
    expect(filenameOf('attachment; filename="report.pdf"', 'x.pdf')).toBe('report.pdf');
    expect(filenameOf(null, 'x.pdf')).toBe('x.pdf');
    expect(filenameOf("attachment; filename*=UTF-8''%E0%A4%A", 'x.pdf')).toBe('x.pdf');
  });
});
