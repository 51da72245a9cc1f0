import type { Deps } from '../context.ts';
import { notFound } from '../errors.ts';
import type { PdfRenderer } from '../reports/pdf.ts';
import { publicUrl } from '../reports/publish.ts';
import { standalonePage } from '../reports/report.service.ts';
import { findPublished, getPublished, savePdf } from './public.repository.ts';
import { indexPage, reportPage } from './public-pages.ts';

/** Which report a public address names: a department's year, and a project code or '' for the department's own. */
export interface PublicAddress {
  readonly organisation: string;
  readonly year: number;
  readonly projectCode: string;
}

export async function listPublishedReports(deps: Deps) {
  return {
    items: (await findPublished(deps.db)).map((row) => ({
      ...row,
      url: publicUrl(row.organisationCode, row.fiscalYear, row.projectCode),
      publishedAt: row.publishedAt.toISOString(),
    })),
  };
}

export async function publicIndexPage(deps: Deps): Promise<string> {
  return indexPage(await findPublished(deps.db));
}

async function published(deps: Deps, address: PublicAddress) {
  const row = await getPublished(deps.db, address.organisation, address.year, address.projectCode);
  if (!row) throw notFound('公开报告');
  return row;
}

export async function publicReportPage(deps: Deps, address: PublicAddress): Promise<string> {
  return reportPage(await published(deps, address));
}

export async function publicDocx(deps: Deps, address: PublicAddress) {
  const row = await published(deps, address);
  return { bytes: row.docx, filename: `${row.organisationName}${row.fiscalYear}年度${row.title}.docx` };
}

/** The PDF is printed by Chromium on first download and kept with the report. */
export async function publicPdf(deps: Deps, pdf: PdfRenderer, address: PublicAddress) {
  const row = await published(deps, address);
  const bytes = row.pdf ?? (await pdf.render(standalonePage(row.title, row.html)));
  if (!row.pdf) await savePdf(deps.db, row.id, bytes);
  return { bytes, filename: `${row.organisationName}${row.fiscalYear}年度${row.title}.pdf` };
}
