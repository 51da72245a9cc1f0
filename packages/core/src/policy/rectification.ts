import {
  RECTIFICATION_ACTION_LABEL,
  RECTIFICATION_STATUS_LABEL,
  type RectificationAction,
  type RectificationStage,
  type RectificationStatus,
  type RectificationTransition,
  transitionOf,
} from '../rectification/model.ts';
import { type Actor, holdsAny, type Posts } from './roles.ts';

/**
 * 整改: the finance bureau's reviewer issues notices and verifies the feedback; a department's reviewer
 * may do the same over the department's own units (roles reach down the tree, so the post held over the
 * unit decides). The unit's 填报人 answers. Segregation of duties (不相容岗位相互分离): whoever issued a
 * notice may not answer it, and whoever answered it may not verify that answer.
 */
export const rectificationPolicy = {
  posts: {
    issue: ['finance-reviewer', 'department-reviewer'],
    unit: ['preparer'],
    verifier: ['finance-reviewer', 'department-reviewer'],
  } satisfies Posts<'issue' | RectificationStage>,
} as const;

const STAGE_LABEL: Readonly<Record<RectificationStage, string>> = {
  unit: '被通知单位的填报人',
  verifier: '财政局或主管部门的审核人',
};

export interface RectificationFacts {
  readonly status: RectificationStatus;
  readonly issuedBy: string;
  /** Who submitted the feedback now waiting (the latest feedback step). */
  readonly answeredBy?: string | undefined;
}

export type RectificationRefusal = {
  readonly kind: 'invalid-transition' | 'role' | 'segregation' | 'opinion';
  readonly message: string;
};

/**
 * Whether `actor` may take `action` now. The feedback needs its text and the verifier's decision an
 * opinion (`text`); both are checked here so the refusal reads the same everywhere.
 */
export function decideRectificationStep(
  action: RectificationAction,
  facts: RectificationFacts,
  actor: Actor,
  text: string | undefined,
): { ok: true; transition: RectificationTransition } | { ok: false; refusal: RectificationRefusal } {
  const transition = transitionOf(facts.status, action);
  if (!transition) {
    const message = `整改事项当前为“${RECTIFICATION_STATUS_LABEL[facts.status]}”，不能执行“${RECTIFICATION_ACTION_LABEL[action]}”`;
    return { ok: false, refusal: { kind: 'invalid-transition', message } };
  }
  if (!holdsAny(actor.posts, rectificationPolicy.posts[transition.stage])) {
    const message = `“${RECTIFICATION_ACTION_LABEL[action]}”须由${STAGE_LABEL[transition.stage]}执行`;
    return { ok: false, refusal: { kind: 'role', message } };
  }
  if (transition.stage === 'unit' && facts.issuedBy === actor.userId) {
    return { ok: false, refusal: { kind: 'segregation', message: '不相容岗位相互分离：整改通知由你下发，不能由你反馈整改情况' } };
  }
  if (transition.stage === 'verifier' && facts.answeredBy === actor.userId) {
    return { ok: false, refusal: { kind: 'segregation', message: '不相容岗位相互分离：整改反馈由你提交，不能由你核验' } };
  }
  if (!text?.trim()) {
    const message = transition.stage === 'unit' ? '请填写整改情况说明（已采取的措施和结果）' : '核验须填写核验意见，说明销号或退回的理由';
    return { ok: false, refusal: { kind: 'opinion', message } };
  }
  return { ok: true, transition };
}

/** Whether the actor may issue a notice to a unit over which they hold these posts. */
export const mayIssueRectification = (posts: Actor['posts']): boolean => holdsAny(posts, rectificationPolicy.posts.issue);
