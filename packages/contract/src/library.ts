import { z } from 'zod';
import { DecimalText, Uuid, Version, Year } from './common.ts';
import { LEVEL1, LEVEL2 } from './evaluation.ts';

/** 指标库 (docs/targets.md "指标库与历史"): entries, their history of use and the suggestions while declaring. */
export const LIBRARY_STATUS = ['active', 'retired'] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

/** "used by N projects in YYYY": the latest year the entry was used in. */
export const LibraryUse = z.object({ year: z.number().int(), projects: z.number().int() });

export const LibraryItem = z.object({
  id: Uuid,
  code: z.string(),
  category: z.string(),
  industry: z.string().nullable(),
  level1: z.enum(LEVEL1),
  level2: z.string(),
  name: z.string(),
  direction: z.string(),
  unit: z.string().nullable(),
  targetHint: z.string().nullable(),
  description: z.string().nullable(),
  formula: z.string().nullable(),
  dataSource: z.string().nullable(),
  evidence: z.string().nullable(),
  source: z.string().nullable(),
  status: z.enum(LIBRARY_STATUS),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  version: z.number().int(),
  usedBy: LibraryUse.nullable(),
  permissions: z.object({ edit: z.boolean() }),
});
export const LibraryList = z.object({
  items: z.array(LibraryItem),
  /** The project types and industries in use, for browsing. */
  categories: z.array(z.string()),
  industries: z.array(z.string()),
  permissions: z.object({ create: z.boolean() }),
});

export const LibraryQuery = z.object({
  category: z.string().max(40).optional(),
  industry: z.string().max(40).optional(),
  /** Text in the code, name or definition. */
  q: z.string().max(100).optional(),
  /** 停用 entries too (maintainers browsing the whole library). */
  includeRetired: z.enum(['true', 'false']).optional(),
});

/** What a maintainer writes: the whole entry; `version` on an edit is the one they saw. */
export const SaveLibraryEntry = z.object({
  code: text(40).min(1, { error: '指标编码不能为空' }),
  category: text(40).min(1, { error: '项目类别不能为空' }),
  industry: optionalText(40),
  level1: z.enum(LEVEL1),
  level2: z.enum(LEVEL2),
  name: text(200).min(1, { error: '三级指标名称不能为空' }),
  /** Checked by the service, so the message names the value read. */
  direction: z.string().max(20),
  unit: optionalText(40),
  targetHint: optionalText(200),
  description: optionalText(2000),
  formula: optionalText(1000),
  dataSource: optionalText(300),
  evidence: optionalText(300),
  source: optionalText(300),
  status: z.enum(LIBRARY_STATUS).optional(),
});
export type SaveLibraryEntry = z.infer<typeof SaveLibraryEntry>;
export const UpdateLibraryEntry = SaveLibraryEntry.extend({ version: Version });
export type UpdateLibraryEntry = z.infer<typeof UpdateLibraryEntry>;

/** Count, quartiles (QUARTILE.INC) and extremes, exact decimals as text. */
export const Distribution = z.object({
  count: z.number().int(),
  min: DecimalText,
  q1: DecimalText,
  median: DecimalText,
  q3: DecimalText,
  max: DecimalText,
});
export type Distribution = z.infer<typeof Distribution>;

export const LibraryUsage = z.object({
  year: Year,
  organisationName: z.string(),
  projectCode: z.string(),
  projectName: z.string(),
  direction: z.string(),
  unit: z.string().nullable(),
  target: DecimalText.nullable(),
  targetText: z.string().nullable(),
  actual: DecimalText.nullable(),
  source: z.enum(['approved', 'history']),
});

export const LibraryYear = z.object({
  year: Year,
  /** Distinct projects that used the entry that year. */
  projects: z.number().int(),
  targets: Distribution.nullable(),
  actuals: Distribution.nullable(),
});

export const LibraryHistory = z.object({
  entry: LibraryItem,
  years: z.array(LibraryYear),
  /** Every use, newest year first; `usesTotal` counts them all when the list is cut at `usesShown`. */
  uses: z.array(LibraryUsage),
  usesTotal: z.number().int(),
});
export type LibraryHistory = z.infer<typeof LibraryHistory>;

export const SUGGESTION_SOURCE = ['lastYearActual', 'lastYearTarget', 'peerTargetMedian', 'peerActualMedian'] as const;

/** The suggestion beside one declared indicator bound to a library entry. */
export const IndicatorSuggestion = z.object({
  /** The saved line; null for an entry asked about before the line is saved (`libraryEntryIds`). */
  indicatorId: Uuid.nullable(),
  libraryEntryId: Uuid,
  /** The year the history is read from (the declaration's year − 1). */
  year: Year,
  lastYearTarget: DecimalText.nullable(),
  lastYearActual: DecimalText.nullable(),
  peerTargets: Distribution.nullable(),
  peerActuals: Distribution.nullable(),
  target: DecimalText.nullable(),
  bound: z.enum(['atLeast', 'atMost']).nullable(),
  inputs: z.array(z.object({ source: z.enum(SUGGESTION_SOURCE), value: DecimalText })),
  explanation: z.string(),
  explanationEn: z.string(),
});
export type IndicatorSuggestion = z.infer<typeof IndicatorSuggestion>;

export const DeclarationSuggestions = z.object({
  rule: z.object({ sources: z.array(z.enum(SUGGESTION_SOURCE)), minPeers: z.number().int() }),
  items: z.array(IndicatorSuggestion),
});
export type DeclarationSuggestions = z.infer<typeof DeclarationSuggestions>;

/** Entries asked about beyond the saved lines: the editor asks while the preparer picks from the library. */
export const SuggestionQuery = z.object({ libraryEntryIds: z.string().max(4000).optional() });
