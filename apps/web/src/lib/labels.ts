import { AUDIT_ACTIONS } from '@jixiao/contract';
import type { MessageKey } from '../i18n/translate.ts';
import { isOneOf } from './one-of.ts';

/**
 * Labels for values the server sends as plain strings (grades, audit actions). A known value gets
 * its translation; anything new is shown as the server sent it rather than hidden.
 */
type Translate = (key: MessageKey) => string;

const GRADES = ['优', '良', '中', '差'] as const;

export function gradeLabel(t: Translate, grade: string | null | undefined): string {
  if (!grade) return '—';
  return isOneOf(GRADES, grade) ? t(`grade.${grade}`) : grade;
}

export function auditActionLabel(t: Translate, action: string): string {
  return isOneOf(AUDIT_ACTIONS, action) ? t(`auditAction.${action}`) : action;
}
