import type { workflow } from '@jixiao/core';
import type { Queryable } from '../db/connect.ts';
import { type NotificationMessage, notify } from '../notifications/notify.ts';
import type { Aggregate } from './evaluation-mapping.ts';

/** How an evaluation is named to people, as in the to-dos. */
export function evaluationTitle(aggregate: Pick<Aggregate, 'project' | 'organisation'>): string {
  return aggregate.project ? `${aggregate.project.name}（项目支出绩效自评）` : `${aggregate.organisation.name} 部门整体支出绩效自评`;
}

const WHAT: Readonly<Partial<Record<workflow.WorkflowAction, { kind: NotificationMessage['kind']; text: (stage: string) => string }>>> = {
  return: { kind: 'evaluation.returned', text: () => '已退回，请按意见修改后重新提交' },
  approve: { kind: 'evaluation.approved', text: (stage) => (stage === 'finance' ? '财政复核通过' : '部门审核通过，待财政复核') },
  publish: { kind: 'evaluation.published', text: () => '已公开' },
  withdraw: { kind: 'evaluation.withdrawn', text: () => '已撤回公开' },
};

/**
 * Tells the evaluation's preparers (everyone who edited or submitted it) what a review step did to it,
 * with the opinion it carried; in the step's transaction. Submission needs no message: it makes a to-do.
 */
export async function notifyPreparers(
  tx: Queryable,
  aggregate: Pick<Aggregate, 'project' | 'organisation' | 'evaluation'>,
  preparers: ReadonlySet<string>,
  transition: Pick<workflow.Transition, 'action' | 'stage'>,
  comment: string | undefined,
  actorId: string,
): Promise<void> {
  const what = WHAT[transition.action];
  if (!what) return;
  await notify(
    tx,
    [...preparers],
    {
      kind: what.kind,
      title: `${evaluationTitle(aggregate)} ${what.text(transition.stage)}`,
      body: comment,
      link: `/evaluations/${aggregate.evaluation.id}`,
    },
    actorId,
  );
}
