import { z } from 'zod';
import { Uuid } from './common.ts';

/** 全局搜索: what the header's search box finds, each kind opening its own page. */
export const SEARCH_KINDS = ['evaluation', 'declaration', 'payment', 'contract'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchQuery = z.object({
  q: z.string().trim().min(1, { error: '请输入要搜索的内容' }).max(100, { error: '搜索内容不能超过 100 个字' }),
  /** Hits per kind. */
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: Uuid,
  /** The record's name as people say it (项目名称, 收款人, 合同名称). */
  title: z.string(),
  /** 项目编码, 合同编号 or 发票号, where the record has one. */
  code: z.string().nullable(),
  /** 金额 in fen: the payment's or contract's amount, the project's budget. */
  amountFen: z.number().int().nullable(),
  /** The record's status code in its own workflow (the web labels it per kind). */
  status: z.string(),
  organisationName: z.string(),
  fiscalYear: z.number().int(),
  /** The page that opens the record. */
  link: z.string(),
});

export const SearchResults = z.object({ q: z.string(), items: z.array(SearchHit) });

export type SearchHit = z.infer<typeof SearchHit>;
export type SearchResults = z.infer<typeof SearchResults>;
