import { REPORT_CSS } from '@jixiao/documents';
import { publicUrl } from '../reports/publish.ts';
import { escapeHtml } from '../reports/report.service.ts';
import type { findPublished, getPublished } from './public.repository.ts';

// The public pages' HTML: the list of published reports and one report with its downloads.

const PAGE_CSS = `
body{margin:0;background:#f0f2f5;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f}
.site{background:#003a8c;color:#fff;padding:12px 24px;font-size:18px}
.site a{color:#fff;text-decoration:none}
.meta{max-width:960px;margin:16px auto;padding:16px 24px;background:#fff;border-radius:8px}
.meta h1{font-size:20px;margin:0 0 8px}
.meta .score{font-size:16px}
.meta .downloads a{margin-right:16px}
table.list{border-collapse:collapse;width:100%}
table.list td,table.list th{border-bottom:1px solid #eee;padding:8px;text-align:left}
@media print{.site,.meta{display:none}body{background:#fff}}
@media (max-width:600px){.meta{margin:8px;padding:12px}}`;

function page(title: string, body: string, withReportCss = false): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${PAGE_CSS}${withReportCss ? REPORT_CSS : ''}</style></head><body><div class="site"><a href="/public">预算绩效信息公开</a></div>${body}</body></html>`;
}

export function indexPage(rows: Awaited<ReturnType<typeof findPublished>>): string {
  const list = rows.length
    ? `<table class="list"><thead><tr><th>年度</th><th>单位</th><th>报告</th><th>自评分</th><th>等级</th><th>公开日期</th></tr></thead><tbody>${rows
        .map(
          (row) =>
            `<tr><td>${row.fiscalYear}</td><td>${escapeHtml(row.organisationName)}</td><td><a href="${escapeHtml(publicUrl(row.organisationCode, row.fiscalYear, row.projectCode))}">${escapeHtml(row.title)}</a></td><td>${escapeHtml(row.total)}</td><td>${escapeHtml(row.grade)}</td><td>${row.publishedAt.toISOString().slice(0, 10)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>暂无已公开的绩效自评报告。</p>';
  return page('预算绩效信息公开', `<div class="meta"><h1>已公开的绩效自评报告</h1>${list}</div>`);
}

export function reportPage(row: NonNullable<Awaited<ReturnType<typeof getPublished>>>): string {
  const base = publicUrl(row.organisationCode, row.fiscalYear, row.projectCode);
  const header = `<div class="meta"><h1>${escapeHtml(row.organisationName)} ${row.fiscalYear}年度 ${escapeHtml(row.title)}</h1>
<p class="score">自评分 <strong data-testid="public-total">${escapeHtml(row.total)}</strong> 分，评价等级 <strong>${escapeHtml(row.grade)}</strong>；公开于 ${row.publishedAt.toISOString().slice(0, 10)}</p>
<p class="downloads"><a href="${escapeHtml(base)}/report.docx" data-testid="public-download-docx">下载 Word 版</a><a href="${escapeHtml(base)}/report.pdf">下载 PDF 版</a></p></div>`;
  return page(`${row.organisationName} ${row.fiscalYear}年度 ${row.title}`, header + row.html, true);
}
