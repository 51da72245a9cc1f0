import type { AssetCardInput } from '@jixiao/contract';
import { control, type Fen, formatYuanGrouped } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/connect.ts';
import { type FieldDetail, validationFailed } from '../../errors.ts';
import * as repo from './asset.repository.ts';

/**
 * 资产卡片 from an accepted delivery, made at the acceptance itself or afterwards by the 资产管理员.
 * The person who accepted the delivery may not keep it (验收 / 保管 分离, docs/rules.md §5.4); the cards
 * may not be worth more than the milestone delivered; only goods become assets.
 */

export interface CardSource {
  readonly organisationId: string;
  readonly contractId: string;
  readonly milestone: { readonly id: string; readonly amountFen: Fen };
  /** 验收人 */
  readonly acceptedBy: string;
  /** 取得日期: the day of the acceptance. */
  readonly acquiredOn: string;
  /** The procurement's category when the contract came from one. */
  readonly category: control.ProcurementCategory | null;
}

export interface CardRequest {
  readonly custodianId?: string | undefined;
  readonly assets: readonly z.infer<typeof AssetCardInput>[];
}

export interface PreparedCards {
  readonly cards: readonly (z.infer<typeof AssetCardInput> & { custodianId: string })[];
  /** IC_SOD_ACCEPTANCE_CUSTODY, for the caller to refuse together with its own rules. */
  readonly violations: readonly control.ControlViolation[];
}

/** Checks the cards; input problems are thrown at once (400), control violations returned. */
export async function prepareCards(db: Queryable, source: CardSource, request: CardRequest): Promise<PreparedCards> {
  const problems: FieldDetail[] = [];
  if (source.category && source.category !== 'goods') {
    problems.push({ path: 'body.assets', message: `${control.PROCUREMENT_CATEGORY_LABEL[source.category]}类合同的验收不形成资产卡片` });
  }
  const cards: (z.infer<typeof AssetCardInput> & { custodianId: string })[] = [];
  request.assets.forEach((card, index) => {
    const custodianId = card.custodianId ?? request.custodianId;
    if (custodianId) cards.push({ ...card, custodianId });
    else problems.push({ path: `body.assets[${index}].custodianId`, message: '请指定保管人' });
  });
  if (problems.length) throw validationFailed(problems);
  const named = [...new Set(cards.map((card) => card.custodianId))];
  const known = await repo.custodiansOf(db, source.organisationId, named);
  cards.forEach((card, index) => {
    if (!known.has(card.custodianId)) problems.push({ path: `body.assets[${index}].custodianId`, message: '保管人须为本单位在职人员' });
  });
  const total = cards.reduce((sum, card) => sum + card.value, 0) + (await repo.valueCardedFrom(db, source.milestone.id));
  if (total > source.milestone.amountFen) {
    problems.push({
      path: 'body.assets',
      message: `资产价值合计 ${formatYuanGrouped(total)} 元（含已登记）超过里程碑金额 ${formatYuanGrouped(source.milestone.amountFen)} 元`,
    });
  }
  if (problems.length) throw validationFailed(problems);
  const violations = control.segregation.found(
    ...cards.map((card, index) =>
      control.segregation.accepterCustodian(
        source.acceptedBy,
        card.custodianId,
        `“${card.name}”的保管人不能是验收人（验收与保管须分离）`,
        request.assets[index]?.custodianId ? `assets[${index}].custodianId` : 'custodianId',
      ),
    ),
  );
  return { cards, violations };
}

/** Inserts the prepared cards with codes ZC2024-0001, … per organisation and year, each audited. */
export async function insertCards(db: Queryable, ctx: RequestContext, source: CardSource, prepared: PreparedCards) {
  const prefix = `ZC${source.acquiredOn.slice(0, 4)}-`;
  const last = await repo.lastAssetNumber(db, source.organisationId, prefix);
  const rows = await repo.insertAssets(
    db,
    prepared.cards.map((card, index) => ({
      organisationId: source.organisationId,
      contractId: source.contractId,
      milestoneId: source.milestone.id,
      code: `${prefix}${String(last + index + 1).padStart(4, '0')}`,
      name: card.name,
      category: card.category,
      valueFen: card.value,
      custodianId: card.custodianId,
      location: card.location,
      acquiredOn: source.acquiredOn,
    })),
  );
  for (const row of rows) {
    await recordAudit(db, ctx, { entityType: 'asset', entityId: row.id, action: 'create', organisationId: row.organisationId, after: row });
  }
  return rows;
}
