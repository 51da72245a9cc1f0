import { STATUS } from '@jixiao/contract';
import type { EvaluationStatus } from '../api/types.ts';
import { isOneOf } from './one-of.ts';

/** Task.status is typed as a plain string in the contract; this narrows it for the status tag. */
export const isEvaluationStatus = (value: string): value is EvaluationStatus => isOneOf(STATUS, value);

const ACTIONS = ['submit', 'approve', 'return', 'publish'] as const;
/** Transition.action is a plain string in the contract; this narrows it for the action labels. */
export const isWorkflowAction = (value: string): value is (typeof ACTIONS)[number] => isOneOf(ACTIONS, value);
