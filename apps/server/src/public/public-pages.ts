import { formatPoints } from '@jixiao/core';
import { REPORT_CSS } from '@jixiao/documents';
import { publicUrl } from '../reports/publish.ts';
import { escapeHtml } from '../reports/report.service.ts';
import type { getPublished, PublishedRow } from './public.repository.ts';

// The public site's HTML: one shell and stylesheet for every page (index and search, department, report,
// not found), readable on a phone, with no script: the charts are inline SVG.

const PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f0f2f5;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f;line-height:1.6}
a{color:#0050b3}
.site{background:#003a8c;color:#fff}
.site .bar{max-width:1040px;margin:0 auto;padding:10px 16px;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;justify-content:space-between}
.site .name{color:#fff;text-decoration:none;font-size:18px;font-weight:600}
.site form{display:flex;gap:6px;flex-wrap:wrap}
.site input,.site select,.site button,.search input,.search select,.search button{font:inherit;padding:4px 8px;border-radius:4px;border:1px solid #d9d9d9}
.site button,.search button{background:#1677ff;color:#fff;border-color:#1677ff;cursor:pointer}
main{max-width:1040px;margin:0 auto;padding:8px 16px 24px}
.crumbs{font-size:13px;color:#595959;margin:8px 0}
.crumbs a{color:#595959}
.card{background:#fff;border-radius:8px;padding:16px 20px;margin:12px 0}
.card h1{font-size:20px;margin:0 0 8px}
.card h2{font-size:17px;margin:0 0 8px}
.card h3{font-size:15px;margin:12px 0 6px}
.muted{color:#8c8c8c;font-size:13px}
.score{font-size:16px}
.downloads a{display:inline-block;margin:4px 16px 4px 0}
.table-wrap{overflow-x:auto}
table.list{border-collapse:collapse;width:100%;font-size:14px}
table.list td,table.list th{border-bottom:1px solid #f0f0f0;padding:6px 8px;text-align:left;vertical-align:top}
table.list th{background:#fafafa;font-weight:600;white-space:nowrap}
td.num{text-align:right;white-space:nowrap}
.grade{display:inline-block;padding:0 6px;border-radius:4px;background:#e6f4ff;color:#0958d9}
.year{border-left:4px solid #1677ff}
.chart{max-width:560px}
.chart svg{width:100%;height:auto}
.empty{color:#8c8c8c;padding:12px 0}
.notice{background:#fffbe6;border:1px solid #ffe58f;border-radius:4px;padding:6px 10px;margin:8px 0}
.was{color:#8c8c8c;text-decoration:line-through}
.search{margin:8px 0 12px}
details>summary{cursor:pointer;color:#0050b3;margin:4px 0}
footer{max-width:1040px;margin:0 auto;padding:0 16px 24px;font-size:12px;color:#8c8c8c}
@media print{.site,.card.meta,footer,.crumbs{display:none}body{background:#fff}}
@media (max-width:600px){main{padding:4px 8px 16px}.card{padding:12px}.card h1{font-size:18px}.site .bar{padding:8px}}`;

const SOURCES =
  '依据《中华人民共和国预算法》关于预决算公开的规定和《财政部关于印发〈项目支出绩效评价管理办法〉的通知》（财预〔2020〕10号）公开预算绩效信息；所列内容均为经财政审核后公开的结果。';

interface Crumb {
  readonly label: string;
  readonly href?: string;
}

function page(title: string, crumbs: readonly Crumb[], body: string, options: { withReportCss?: boolean; q?: string } = {}): string {
  const trail = crumbs.length
    ? `<nav class="crumbs"><a href="/public">首页</a>${crumbs
        .map((crumb) => ` › ${crumb.href ? `<a href="${escapeHtml(crumb.href)}">${escapeHtml(crumb.label)}</a>` : escapeHtml(crumb.label)}`)
        .join('')}</nav>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${PAGE_CSS}${options.withReportCss ? REPORT_CSS : ''}</style></head><body><header class="site"><div class="bar"><a class="name" href="/public">预算绩效信息公开</a><form action="/public" method="get" role="search"><input type="search" name="q" value="${escapeHtml(options.q ?? '')}" placeholder="部门名称、编码或报告" aria-label="搜索"><button type="submit">搜索</button></form></div></header><main>${trail}${body}</main><footer>${escapeHtml(SOURCES)}</footer></body></html>`;
}

const date = (at: Date) => at.toISOString().slice(0, 10);

export function indexPage(
  rows: readonly PublishedRow[],
  search: { q: string; year: number | undefined; yearRefused: string | undefined; years: readonly number[] },
): string {
  const filtered = search.q !== '' || search.year !== undefined;
  const list = rows.length
    ? `<div class="table-wrap"><table class="list" data-testid="public-results"><thead><tr><th>年度</th><th>部门</th><th>单位</th><th>报告</th><th>自评分</th><th>等级</th><th>公开日期</th></tr></thead><tbody>${rows
        .map(
          (row) =>
            `<tr><td>${row.fiscalYear}</td><td><a href="/public/${encodeURIComponent(row.departmentCode)}">${escapeHtml(row.departmentName)}</a></td><td>${escapeHtml(row.organisationName)}</td><td><a href="${escapeHtml(publicUrl(row.organisationCode, row.fiscalYear, row.projectCode))}">${escapeHtml(row.title)}</a></td><td class="num">${escapeHtml(row.total)}</td><td><span class="grade">${escapeHtml(row.grade)}</span></td><td>${date(row.publishedAt)}</td></tr>`,
        )
        .join('')}</tbody></table></div>`
    : `<p class="empty" data-testid="public-empty">${
        filtered
          ? `没有找到${search.q ? `与“${escapeHtml(search.q)}”相符的` : ''}${search.year ? `${search.year}年度的` : ''}已公开绩效自评报告。可以换一个部门名称或编码再试，或<a href="/public">查看全部</a>。`
          : '暂无已公开的绩效自评报告。'
      }</p>`;
  const yearOptions = [
    '<option value="">全部年度</option>',
    ...search.years.map((year) => `<option value="${year}"${year === search.year ? ' selected' : ''}>${year}年度</option>`),
  ].join('');
  const form = `<form class="search" action="/public" method="get" role="search"><input type="search" name="q" value="${escapeHtml(search.q)}" placeholder="部门名称、编码或报告标题" aria-label="搜索" data-testid="public-search-q"> <select name="year" aria-label="年度">${yearOptions}</select> <button type="submit" data-testid="public-search-submit">搜索</button></form>`;
  const refused = search.yearRefused
    ? `<p class="notice">“${escapeHtml(search.yearRefused)}”不是有效的年度（应为 2000—2100 之间的四位数字），已按全部年度查找。</p>`
    : '';
  const heading = filtered ? `搜索结果（${rows.length} 份）` : '已公开的绩效自评报告';
  return page(
    '预算绩效信息公开',
    [],
    `<section class="card"><h1>${heading}</h1>${form}${refused}${list}<p class="muted">部门名称可点击进入部门公开页，查看历年自评结果、绩效目标和财政抽查复核结果。</p></section>`,
    { q: search.q },
  );
}

/** One 一级指标 bar of the score chart: the score reached against the weight, in hundredths of a point. */
export interface ChartPart {
  readonly label: string;
  readonly score: number;
  readonly weight: number;
}

/**
 * The score by 一级指标 against its weight as an inline SVG: a grey bar for the weight, a blue one for the
 * score, each labelled in figures, so the chart reads without script and prints as it shows.
 */
export function scoreChart(parts: readonly ChartPart[]): string {
  if (parts.length === 0) return '';
  const max = Math.max(...parts.map((part) => part.weight), 1);
  const rowHeight = 30;
  const labelWidth = 110;
  const barWidth = 330;
  const height = parts.length * rowHeight + 10;
  const bars = parts
    .map((part, index) => {
      const y = 6 + index * rowHeight;
      const full = (barWidth * part.weight) / max;
      const reached = (barWidth * Math.min(part.score, part.weight)) / max;
      return `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" font-size="12">${escapeHtml(part.label)}</text><rect x="${labelWidth}" y="${y}" width="${full.toFixed(1)}" height="20" fill="#f0f0f0"/><rect x="${labelWidth}" y="${y}" width="${reached.toFixed(1)}" height="20" fill="#1677ff"><title>${escapeHtml(`${part.label}：得分 ${formatPoints(part.score)}，分值 ${formatPoints(part.weight)}`)}</title></rect><text x="${labelWidth + full + 6}" y="${y + 15}" font-size="12">${formatPoints(part.score)} / ${formatPoints(part.weight)}</text>`;
    })
    .join('');
  return `<figure class="chart" data-testid="public-score-chart"><svg viewBox="0 0 ${labelWidth + barWidth + 90} ${height}" role="img" aria-label="各一级指标得分与分值">${bars}</svg><figcaption class="muted">蓝色为得分，灰色为该一级指标的分值；按《项目支出绩效评价管理办法》（财预〔2020〕10号）的计分规则自评，公开时的结果。</figcaption></figure>`;
}

export interface PublicTargets {
  readonly title: string;
  readonly unit: string;
  readonly version: number;
  readonly overallGoal: string;
  readonly goals: readonly string[];
  readonly indicators: readonly {
    readonly level1: string;
    readonly level2: string;
    readonly name: string;
    readonly value: string;
    readonly original: string | null;
    readonly adjustedOn: string | null;
    readonly reason: string | null;
  }[];
}

export interface DepartmentPage {
  readonly name: string;
  readonly code: string;
  readonly kind: 'department' | 'unit';
  readonly parent: { readonly code: string; readonly name: string } | null;
  readonly units: readonly { readonly code: string; readonly name: string }[];
  readonly years: readonly {
    readonly year: number;
    readonly reports: readonly {
      readonly title: string;
      readonly organisationName: string;
      readonly total: string;
      readonly grade: string;
      readonly publishedOn: string;
      readonly url: string;
      readonly parts: readonly ChartPart[] | null;
    }[];
    readonly targets: readonly PublicTargets[];
    readonly rereviews: readonly {
      readonly title: string;
      readonly publishedOn: string | null;
      readonly results: readonly {
        readonly name: string;
        readonly selfTotal: string | null;
        readonly rereviewTotal: string | null;
        readonly deviation: string | null;
        readonly opinion: string | null;
      }[];
    }[];
  }[];
}

function targetsBlock(targets: PublicTargets): string {
  const adjusted = targets.indicators.some((line) => line.original !== null);
  const rows = targets.indicators
    .map(
      (line) =>
        `<tr><td>${escapeHtml(line.level1)}</td><td>${escapeHtml(line.level2)}</td><td>${escapeHtml(line.name)}</td><td>${escapeHtml(line.value)}</td>${
          adjusted
            ? `<td>${line.original === null ? '' : `<span class="was">${escapeHtml(line.original)}</span>`}</td><td>${line.reason ? `${escapeHtml(line.reason)}（${escapeHtml(line.adjustedOn ?? '')}批准）` : ''}</td>`
            : ''
        }</tr>`,
    )
    .join('');
  const goals = targets.goals.length ? `<ol>${targets.goals.map((goal) => `<li>${escapeHtml(goal)}</li>`).join('')}</ol>` : '';
  return `<div data-testid="public-targets"><h3>${escapeHtml(targets.title)}</h3><p class="muted">实施单位：${escapeHtml(targets.unit)}；${
    targets.version > 1 ? `经绩效目标调整后的第 ${targets.version} 版（调整后指标值在前，调整前的原值划线列在旁边）` : '批复版本'
  }</p>${targets.overallGoal ? `<p>总体目标：${escapeHtml(targets.overallGoal)}</p>` : ''}${goals}<details><summary>绩效指标（${targets.indicators.length} 项${adjusted ? '，含调整' : ''}）</summary><div class="table-wrap"><table class="list"><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th>${
    adjusted ? '<th>调整前指标值</th><th>调整理由</th>' : ''
  }</tr></thead><tbody>${rows}</tbody></table></div></details></div>`;
}

const GRADE_NOTE =
  '<p class="muted">自评分为经财政审核后公开的分数；评价等级按总分划分：90 分（含）以上为优，80（含）—90 分为良，60（含）—80 分为中，60 分以下为差（《项目支出绩效评价管理办法》，财预〔2020〕10号）。</p>';

export function departmentPage(view: DepartmentPage): string {
  const crumbs: Crumb[] = view.parent ? [{ label: view.parent.name, href: `/public/${encodeURIComponent(view.parent.code)}` }] : [];
  crumbs.push({ label: view.name });
  const units = view.units.length
    ? `<p class="muted">下属单位：${view.units.map((unit) => `<a href="/public/${encodeURIComponent(unit.code)}">${escapeHtml(unit.name)}</a>`).join('、')}</p>`
    : '';
  const years = view.years.length
    ? view.years
        .map((entry) => {
          const reports = entry.reports.length
            ? entry.reports
                .map(
                  (report) =>
                    `<div data-testid="public-evaluation"><h3><a href="${escapeHtml(report.url)}">${escapeHtml(report.title)}</a></h3><p class="score">${escapeHtml(report.organisationName)}：自评分 <strong>${escapeHtml(report.total)}</strong> 分，评价等级 <span class="grade">${escapeHtml(report.grade)}</span>；公开于 ${escapeHtml(report.publishedOn)}</p>${report.parts ? scoreChart(report.parts) : ''}</div>`,
                )
                .join('')
            : '<p class="empty">本年度尚无公开的绩效自评报告。</p>';
          const targets = entry.targets.length
            ? entry.targets.map(targetsBlock).join('')
            : '<p class="empty">本年度尚无批复的绩效目标。</p>';
          const rereviews = entry.rereviews.length
            ? entry.rereviews
                .map(
                  (round) =>
                    `<div data-testid="public-rereview"><h3>${escapeHtml(round.title)}</h3><p class="muted">财政局抽查复核结果${round.publishedOn ? `，公开于 ${escapeHtml(round.publishedOn)}` : ''}；偏差 = 自评分 − 复核分，为正表示自评偏高。</p><div class="table-wrap"><table class="list"><thead><tr><th>被复核的自评</th><th>自评分</th><th>复核分</th><th>偏差</th><th>复核意见</th></tr></thead><tbody>${round.results
                      .map(
                        (result) =>
                          `<tr><td>${escapeHtml(result.name)}</td><td class="num">${escapeHtml(result.selfTotal ?? '—')}</td><td class="num">${escapeHtml(result.rereviewTotal ?? '—')}</td><td class="num">${escapeHtml(result.deviation ?? '—')}</td><td>${escapeHtml(result.opinion ?? '')}</td></tr>`,
                      )
                      .join('')}</tbody></table></div></div>`,
                )
                .join('')
            : '';
          return `<section class="card year" data-testid="public-year-${entry.year}"><h2>${entry.year}年度</h2><h3>绩效自评结果</h3>${entry.reports.length ? GRADE_NOTE : ''}${reports}<h3>绩效目标（批复）</h3>${targets}${rereviews ? `<h3>财政抽查复核</h3>${rereviews}` : ''}</section>`;
        })
        .join('')
    : '<section class="card"><p class="empty">该部门尚无公开的预算绩效信息。</p></section>';
  return page(
    `${view.name} 预算绩效信息公开`,
    crumbs,
    `<section class="card"><h1 data-testid="public-department-name">${escapeHtml(view.name)}</h1><p class="muted">${view.kind === 'department' ? '部门' : '单位'}编码 ${escapeHtml(view.code)}。此处公开经财政审核的绩效自评结果、批复的绩效目标（绩效目标随部门预算公开）和财政局公开的抽查复核结果。</p>${units}</section>${years}`,
  );
}

type PublishedReportRow = NonNullable<Awaited<ReturnType<typeof getPublished>>>['report'];

export function reportPage(
  row: PublishedReportRow,
  extra: { phone: string | null; hasTables: boolean; department: { code: string; name: string } | null },
): string {
  const base = publicUrl(row.organisationCode, row.fiscalYear, row.projectCode);
  const tableName = row.kind === 'department' ? '部门整体支出绩效自评表' : '项目支出绩效自评表';
  const crumbs: Crumb[] = extra.department
    ? [{ label: extra.department.name, href: `/public/${encodeURIComponent(extra.department.code)}` }]
    : [];
  crumbs.push({ label: `${row.fiscalYear}年度 ${row.title}` });
  const phone = extra.phone ? `<p data-testid="public-phone">填报人联系电话：${escapeHtml(extra.phone)}</p>` : '';
  const header = `<section class="card meta"><h1>${escapeHtml(row.organisationName)} ${row.fiscalYear}年度 ${escapeHtml(row.title)}</h1>
<p class="score">自评分 <strong data-testid="public-total">${escapeHtml(row.total)}</strong> 分，评价等级 <span class="grade">${escapeHtml(row.grade)}</span>；公开于 ${date(row.publishedAt)}</p>${phone}
<p class="downloads"><a href="${escapeHtml(base)}/report.docx" data-testid="public-download-docx">下载 Word 版</a><a href="${escapeHtml(base)}/report.pdf">下载 PDF 版</a>${
    extra.hasTables
      ? `<a href="${escapeHtml(base)}/self-evaluation.xlsx" data-testid="public-download-xlsx">下载${tableName}（Excel）</a><a href="${escapeHtml(base)}/self-evaluation.pdf" data-testid="public-download-table-pdf">下载${tableName}（PDF）</a>`
      : ''
  }</p></section>`;
  return page(`${row.organisationName} ${row.fiscalYear}年度 ${row.title}`, crumbs, header + row.html, { withReportCss: true });
}

/** The styled 404 page, saying in plain words what was asked for and was not found. */
export function notFoundPage(what: string): string {
  return page(
    '未找到 - 预算绩效信息公开',
    [{ label: '未找到' }],
    `<section class="card" data-testid="public-not-found"><h1>未找到您要查看的内容</h1><p>${escapeHtml(what)}</p><p>可能是地址有误，或该内容尚未公开、已撤回公开。可以<a href="/public">返回公开首页</a>搜索部门名称或编码。</p></section>`,
  );
}
