import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { PdfRenderer } from '../src/reports/pdf.ts';

const renderers: PdfRenderer[] = [];
afterAll(async () => {
  for (const renderer of renderers) await renderer.close();
});

describe('keeping Chromium warm for the first PDF', () => {
  it('is on by default and can be turned off', () => {
    expect(loadConfig({}).PDF_WARM).toBe('on');
    expect(loadConfig({ PDF_WARM: 'off' }).PDF_WARM).toBe('off');
    expect(() => loadConfig({ PDF_WARM: 'yes' })).toThrow(/PDF_WARM/);
  });

  it('starts the browser before any report is asked for, and the next render uses it', async () => {
    const renderer = new PdfRenderer(loadConfig({}).CHROMIUM_PATH);
    renderers.push(renderer);
    expect(renderer.started).toBe(false);
    expect(await renderer.warm()).toBe(true);
    expect(renderer.started).toBe(true);
    const pdf = await renderer.render('<!doctype html><meta charset="utf-8"><h1>部门整体支出绩效自评报告</h1>');
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('never throws without Chromium: the PDF route says so when it is asked for', async () => {
    const renderer = new PdfRenderer('/nonexistent/chromium');
    renderers.push(renderer);
    expect(await renderer.warm()).toBe(false);
    expect(renderer.started).toBe(false);
  });
});
