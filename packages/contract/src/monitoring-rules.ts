import { z } from 'zod';
import { Int32, Year, YearText } from './common.ts';

/**
 * 监控预警规则表 (docs/monitoring.md 预警规则): one rule set per region and year, saved as numbered
 * versions; the core's `parseRuleSet` checks what the shapes here cannot (ascending bands and milestones).
 */
const Share = z.string().regex(/^\d{1,2}(\.\d{1,6})?$/, { error: '应为小数文本，如 "0.6" 表示 60%' });
const Month = z.number().int().min(1, { error: '月份应在 1 至 12 之间' }).max(12, { error: '月份应在 1 至 12 之间' });
/** A region code (the finance bureau's organisation code by convention); empty for the built-in default. */
const Region = z.string().trim().max(50);

export const MONITORING_PRESETS = ['ratio', 'milestones'] as const;

export const MonitoringRules = z.object({
  preset: z.enum(MONITORING_PRESETS),
  budgetBands: z.object({ red: Share, green: Share }),
  indicatorBands: z.object({ red: Share, green: Share, blue: Share }),
  milestones: z.array(z.object({ month: Month, share: Share })).max(12),
  milestoneMargin: Share,
  reverseProRata: z.boolean(),
  gaps: z.object({ goalVsSpending: Share }),
  rush: z.object({ decemberShare: Share, fromMonth: Month }),
});

export const MonitoringRuleSet = MonitoringRules.extend({ region: z.string(), year: Int32, version: Int32 });
export type MonitoringRuleSet = z.infer<typeof MonitoringRuleSet>;

export const MonitoringRuleSetQuery = z.object({ year: YearText, region: Region.default('') });

/** PUT saves a new version; `expectedVersion` is the latest version read (0 when none was saved), so two editors do not overwrite each other. */
export const SaveMonitoringRuleSet = MonitoringRules.extend({
  region: Region,
  year: Year,
  expectedVersion: Int32.min(0),
});

export const MonitoringRuleSetVersion = z.object({
  rules: MonitoringRuleSet,
  savedAt: z.string(),
  savedBy: z.string().nullable(),
});

export const MonitoringRuleSets = z.object({
  /** What the monitoring forms apply: the latest saved version, else the built-in default (version 0). */
  active: MonitoringRuleSet,
  /** Saved versions, newest first. */
  versions: z.array(MonitoringRuleSetVersion),
  /** The built-in defaults of both presets, stamped with the region and year. */
  defaults: z.object({ ratio: MonitoringRuleSet, milestones: MonitoringRuleSet }),
  permissions: z.object({ edit: z.boolean() }),
});
