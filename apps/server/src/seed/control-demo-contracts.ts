import { control } from '@jixiao/core';
import { insertAssets } from '../control/assets/asset.repository.ts';
import { insertStocktake } from '../control/assets/stocktake.repository.ts';
import { differenceOf } from '../control/assets/stocktake.service.ts';
import { insertContract, markAccepted } from '../control/contracts/contract.repository.ts';
import { insertProcurement } from '../control/procurement/procurement.repository.ts';
import { insertFollowUp, insertGrant, insertRecipient, recordFollowUp } from '../control/subsidies/subsidy.repository.ts';
import type { Queryable } from '../db/connect.ts';
import type { ControlDemoIds } from './control-demo.ts';

/**
 * The FY2024 procurement, contract, asset and subsidy demo of 区科工商信局 (示例数据: the reference
 * report publishes none). Every record obeys the rules the server enforces: the method suits the
 * amount, the drafter is not the approver, the signer is not the accepter, the accepter keeps
 * nothing. Accepted milestones and grants are paid by the payments demo, which runs afterwards and
 * pays each by its due date, so the amounts here stay within what that demo pays on each line.
 * Each purchase's estimate (采购预算) is the price its market survey fixed and the award came in at it,
 * so the register's 政府采购执行率 (awarded ÷ estimated) is the 100 % the reference report states.
 */

const yuan = (amount: number) => amount * 100;
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

/** A valid 统一社会信用代码 of a 番禺区 (440113) enterprise from its 9-character organisation code. */
function uscc(organisationCode: string): string {
  const first17 = `91440113${organisationCode}`;
  const check = control.usccCheckCharacter(first17);
  if (first17.length !== 17 || !check) throw new Error(`demo organisation code ${organisationCode} is not valid`);
  return first17 + check;
}

interface DemoCard {
  readonly name: string;
  readonly category: string;
  readonly yuan: number;
  readonly location: string;
  readonly custodian: string;
}

interface DemoMilestone {
  readonly description: string;
  readonly yuan: number;
  readonly dueOn: string;
  readonly accepted?: { readonly on: string; readonly by: string; readonly note: string; readonly cards?: readonly DemoCard[] };
}

interface DemoPurchase {
  readonly line: string;
  readonly procurement: {
    readonly code: string;
    readonly title: string;
    readonly requirement: string;
    readonly category: control.ProcurementCategory;
    readonly estimatedYuan: number;
    readonly method: control.ProcurementMethod;
    readonly approvedBy: string;
    readonly approvedOn: string;
    readonly supplier: string;
    readonly supplierCode: string;
    readonly resultYuan: number;
  };
  readonly contract: { readonly code: string; readonly title: string; readonly signedBy: string; readonly signedOn: string };
  readonly milestones: readonly DemoMilestone[];
}

const PURCHASES: readonly DemoPurchase[] = [
  {
    line: 'KGSX-XM-CDSS',
    procurement: {
      code: 'CG2024-001',
      title: '公共充电桩设备采购及安装（示例）',
      requirement: '在番禺汽车城、市桥、大石、南村新建公共充电站 4 座，直流快充桩 90 台、交流慢充桩 48 台，含安装调试与三年质保（示例）',
      category: 'goods',
      estimatedYuan: 6_650_000,
      method: '公开招标',
      approvedBy: 'head',
      approvedOn: '2024-03-15',
      supplier: '广州某充电科技有限公司（示例）',
      supplierCode: 'MA59C2D7K',
      resultYuan: 6_650_000,
    },
    contract: { code: 'HT2024-001', title: '公共充电桩设备采购及安装合同（示例）', signedBy: 'approver', signedOn: '2024-04-10' },
    milestones: [
      {
        description: '首批 60 台直流快充桩到货安装验收（合同价 60%）',
        yuan: 3_990_000,
        dueOn: '2024-07-31',
        accepted: {
          on: '2024-07-05',
          by: 'requester',
          note: '设备型号、数量与合同一致，通电测试合格（示例）',
          cards: [
            {
              name: '番禺汽车城公共充电站直流快充桩 120kW（30 台，示例）',
              category: '专用设备',
              yuan: 1_995_000,
              location: '番禺汽车城公共充电站（示例）',
              custodian: 'asset.manager',
            },
            {
              name: '市桥公共充电站直流快充桩 120kW（30 台，示例）',
              category: '专用设备',
              yuan: 1_995_000,
              location: '市桥公共充电站（示例）',
              custodian: 'asset.manager',
            },
          ],
        },
      },
      {
        description: '其余充电桩安装调试及整体验收（合同价 30%）',
        yuan: 1_995_000,
        dueOn: '2024-11-30',
        accepted: {
          on: '2024-11-12',
          by: 'head',
          note: '138 台充电桩全部接入监管平台，整体验收合格（示例）',
          cards: [
            {
              name: '大石公共充电站直流快充桩 120kW（30 台，示例）',
              category: '专用设备',
              yuan: 1_500_000,
              location: '大石公共充电站（示例）',
              custodian: 'asset.manager',
            },
            {
              name: '南村公共充电站交流慢充桩 7kW（48 台，示例）',
              category: '专用设备',
              yuan: 495_000,
              location: '南村公共充电站（示例）',
              custodian: 'asset.manager',
            },
          ],
        },
      },
      { description: '质保期满（合同价 10%）', yuan: 665_000, dueOn: '2025-11-30' },
    ],
  },
  {
    line: 'KGSX-XM-CYFC',
    procurement: {
      code: 'CG2024-002',
      title: '2024年产业扶持资金项目评审及绩效跟踪服务（示例）',
      requirement: '对年度产业扶持资金申报项目开展专家评审、现场核查和资金拨付后的绩效跟踪（示例）',
      category: 'services',
      estimatedYuan: 828_000,
      method: '竞争性磋商',
      approvedBy: 'approver',
      approvedOn: '2024-02-20',
      supplier: '广州某管理咨询有限公司（示例）',
      supplierCode: 'MA5AB1LX3',
      resultYuan: 828_000,
    },
    contract: {
      code: 'HT2024-002',
      title: '产业扶持资金项目评审及绩效跟踪服务合同（示例）',
      signedBy: 'requester',
      signedOn: '2024-03-08',
    },
    milestones: [
      {
        description: '项目评审及中期核查报告',
        yuan: 414_000,
        dueOn: '2024-07-31',
        accepted: { on: '2024-07-10', by: 'approver', note: '评审报告 1 份、现场核查记录 42 份，符合合同要求（示例）' },
      },
      { description: '绩效跟踪终期报告', yuan: 414_000, dueOn: '2025-03-31' },
    ],
  },
  {
    line: 'KGSX-JB-GY',
    procurement: {
      code: 'CG2024-003',
      title: '办公计算机及打印设备更新（示例）',
      requirement: '更新使用满 8 年的台式计算机 8 台、激光打印机 4 台、彩色复印一体机 1 台（示例）',
      category: 'goods',
      estimatedYuan: 58_600,
      method: '限额以下自行采购',
      approvedBy: 'head',
      approvedOn: '2024-05-06',
      supplier: '广州某办公设备有限公司（示例）',
      supplierCode: '7082XY46K',
      resultYuan: 58_600,
    },
    contract: { code: 'HT2024-003', title: '办公设备购置合同（示例）', signedBy: 'approver', signedOn: '2024-05-20' },
    milestones: [
      {
        description: '设备到货验收',
        yuan: 58_600,
        dueOn: '2024-06-30',
        accepted: {
          on: '2024-06-12',
          by: 'requester',
          note: '13 台设备到货，开箱检验合格（示例）',
          cards: [
            {
              name: '台式计算机（8 台，示例）',
              category: '通用设备',
              yuan: 38_400,
              location: '局机关三楼综合科（示例）',
              custodian: 'asset.manager',
            },
            {
              name: '激光打印机（4 台，示例）',
              category: '通用设备',
              yuan: 11_200,
              location: '局机关三楼财务室（示例）',
              custodian: 'accountant',
            },
            {
              name: '彩色复印一体机（1 台，示例）',
              category: '通用设备',
              yuan: 9_000,
              location: '局机关二楼文印室（示例）',
              custodian: 'asset.manager',
            },
          ],
        },
      },
    ],
  },
];

/** The year-end count: the printers were found in the print room, not in the finance office. */
const STOCKTAKE = { on: '2024-12-20', moved: { name: '激光打印机（4 台，示例）', foundAt: '局机关二楼文印室（示例）' } };

interface DemoGrant {
  readonly recipient: { readonly name: string; readonly code: string; readonly contact: string };
  readonly yuan: number;
  readonly awardedOn: string;
  readonly dueOn: string;
  readonly conditions: string;
  readonly followUps: readonly {
    readonly dueOn: string;
    readonly done?: { readonly on: string; readonly by: string; readonly abnormalOperation: boolean; readonly finding: string };
  }[];
}

/** 产业扶持资金 grants across 2024, with 事后跟踪检查: done, one finding 经营异常, one overdue, one not yet due. */
const GRANTS: readonly DemoGrant[] = [
  {
    recipient: { name: '广州某汽车零部件有限公司（示例）', code: 'MA59A1B2C', contact: '王经理 020-3482XXXX（示例）' },
    yuan: 3_000_000,
    awardedOn: '2024-03-20',
    dueOn: '2024-04-30',
    conditions: '2024 年底前完成新增工业投资不少于 1.5 亿元（示例）',
    followUps: [
      {
        dueOn: '2024-10-31',
        done: { on: '2024-10-18', by: 'requester', abnormalOperation: false, finding: '企业正常经营，新增投资按计划推进（示例）' },
      },
    ],
  },
  {
    recipient: { name: '广州某新能源科技有限公司（示例）', code: 'MA5CK7D3E', contact: '李经理 020-3921XXXX（示例）' },
    yuan: 2_000_000,
    awardedOn: '2024-05-15',
    dueOn: '2024-06-30',
    conditions: '扶持资金专项用于动力电池检测线建设，按季度报送进度（示例）',
    followUps: [
      {
        dueOn: '2024-12-15',
        done: {
          on: '2024-12-10',
          by: 'approver',
          abnormalOperation: true,
          finding: '企业因通过登记的住所无法联系被列入经营异常名录；已书面要求限期整改，暂停后续扶持（示例）',
        },
      },
    ],
  },
  {
    recipient: { name: '番禺某电子有限公司（示例）', code: '7190QR52W', contact: '陈经理 020-8455XXXX（示例）' },
    yuan: 1_200_000,
    awardedOn: '2024-08-20',
    dueOn: '2024-09-30',
    conditions: '技术改造项目 2025 年 3 月前投产（示例）',
    followUps: [{ dueOn: '2025-03-31' }],
  },
  {
    recipient: { name: '广州某新材料有限公司（示例）', code: 'MA9UL2R8P', contact: '黄经理 020-3106XXXX（示例）' },
    yuan: 800_000,
    awardedOn: '2024-10-28',
    dueOn: '2024-11-30',
    conditions: '“专精特新”企业培育奖励，三年内保持在番禺区注册经营（示例）',
    followUps: [
      {
        dueOn: '2025-05-31',
        done: { on: '2025-05-20', by: 'requester', abnormalOperation: false, finding: '企业正常经营，研发投入同比增长（示例）' },
      },
      { dueOn: '2027-06-30' },
    ],
  },
];

export async function seedContractsDemo(tx: Queryable, ids: ControlDemoIds): Promise<void> {
  const person = (username: string) => {
    const id = ids.users.get(username);
    if (!id) throw new Error(`demo user ${username} missing`);
    return id;
  };
  const line = (code: string) => {
    const id = ids.budgetLines.get(code);
    if (!id) throw new Error(`demo budget line ${code} missing`);
    return id;
  };
  const organisationId = ids.departmentId;
  const carded: { id: string; name: string; location: string }[] = [];
  for (const purchase of PURCHASES) {
    const spec = purchase.procurement;
    const supplierUscc = uscc(spec.supplierCode);
    const procurement = await insertProcurement(tx, {
      organisationId,
      budgetLineId: line(purchase.line),
      code: spec.code,
      title: spec.title,
      requirement: spec.requirement,
      category: spec.category,
      estimatedFen: yuan(spec.estimatedYuan),
      method: spec.method,
      supplierName: spec.supplier,
      supplierUscc,
      resultFen: yuan(spec.resultYuan),
      status: 'awarded',
      draftedBy: person('requester'),
      approvedBy: person(spec.approvedBy),
      approvedAt: at(spec.approvedOn),
      createdAt: at(spec.approvedOn),
    });
    const { contract, milestones } = await insertContract(
      tx,
      {
        organisationId,
        budgetLineId: procurement.budgetLineId,
        procurementId: procurement.id,
        code: purchase.contract.code,
        title: purchase.contract.title,
        counterpartyName: spec.supplier,
        counterpartyUscc: supplierUscc,
        amountFen: yuan(spec.resultYuan),
        signedOn: purchase.contract.signedOn,
        signedBy: person(purchase.contract.signedBy),
      },
      purchase.milestones.map((milestone) => ({
        description: milestone.description,
        amountFen: yuan(milestone.yuan),
        dueOn: milestone.dueOn,
      })),
    );
    for (const [index, milestone] of purchase.milestones.entries()) {
      const row = milestones[index];
      const acceptance = milestone.accepted;
      if (!row || !acceptance) continue;
      await markAccepted(tx, row.id, row.version, {
        acceptedAt: at(acceptance.on),
        acceptedBy: person(acceptance.by),
        acceptanceNote: acceptance.note,
      });
      const cards = acceptance.cards ?? [];
      const rows = await insertAssets(
        tx,
        cards.map((card, offset) => ({
          organisationId,
          contractId: contract.id,
          milestoneId: row.id,
          code: `ZC2024-${String(carded.length + offset + 1).padStart(4, '0')}`,
          name: card.name,
          category: card.category,
          valueFen: yuan(card.yuan),
          custodianId: person(card.custodian),
          location: card.location,
          acquiredOn: acceptance.on,
        })),
      );
      carded.push(...rows);
    }
  }
  await insertStocktake(
    tx,
    { organisationId, takenOn: STOCKTAKE.on, performedBy: person('asset.manager'), note: '2024 年度资产清查盘点（示例）' },
    carded.map((asset) => {
      const locationFound = asset.name === STOCKTAKE.moved.name ? STOCKTAKE.moved.foundAt : asset.location;
      const found = { assetId: asset.id, found: true, locationFound };
      return { ...found, difference: differenceOf(found, asset) };
    }),
  );
  for (const spec of GRANTS) {
    const recipient = await insertRecipient(tx, {
      name: spec.recipient.name,
      uscc: uscc(spec.recipient.code),
      contact: spec.recipient.contact,
    });
    const grant = await insertGrant(tx, {
      organisationId,
      recipientId: recipient.id,
      budgetLineId: line('KGSX-XM-CYFC'),
      programme: '产业扶持资金',
      amountFen: yuan(spec.yuan),
      awardedOn: spec.awardedOn,
      dueOn: spec.dueOn,
      conditions: spec.conditions,
    });
    for (const followUp of spec.followUps) {
      const row = await insertFollowUp(tx, { grantId: grant.id, dueOn: followUp.dueOn });
      const done = followUp.done;
      if (!done) continue;
      await recordFollowUp(tx, row.id, row.version, {
        result: done.abnormalOperation ? 'abnormal' : 'normal',
        abnormalOperation: done.abnormalOperation,
        finding: done.finding,
        performedOn: done.on,
        performedBy: person(done.by),
      });
    }
  }
}
