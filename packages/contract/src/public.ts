import { z } from 'zod';
import { YearText } from './common.ts';

/** 公开 (docs/finance-bureau.md §公开): the public list's search, and a department's disclosure setting. */
export const PublishedReportsQuery = z.object({
  /** Department or unit name or code, or report title; matched literally. */
  q: z.string().max(100, { error: '搜索内容不能超过 100 个字' }).optional(),
  year: YearText.optional(),
});
export type PublishedReportsQuery = z.infer<typeof PublishedReportsQuery>;

export const PublicSettingsView = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  /** Show 填报人联系电话 on the department's public report pages (off unless the department chooses). */
  showPreparerPhone: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  /** 0 while the department has never saved its setting. */
  version: z.number().int().min(0),
  permissions: z.object({ edit: z.boolean() }),
});
export type PublicSettingsView = z.infer<typeof PublicSettingsView>;

export const UpdatePublicSettings = z.object({
  showPreparerPhone: z.boolean({ error: '请选择是否公开填报人联系电话' }),
  /** The version the change was made on (0 for a department that never saved it). */
  version: z.number().int().min(0).max(2_147_483_647),
});
export type UpdatePublicSettings = z.infer<typeof UpdatePublicSettings>;
