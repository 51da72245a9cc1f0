import { DISPOSAL_METHODS, PROCUREMENT_METHODS } from '@jixiao/contract';
import type { MessageKey } from '../../../i18n/translate.ts';
import { isOneOf } from '../../../lib/one-of.ts';

type Translate = (key: MessageKey) => string;

/** 采购方式 travel as their Chinese names; a known one is translated, anything new shown as sent. */
export const procurementMethodLabel = (t: Translate, method: string) =>
  isOneOf(PROCUREMENT_METHODS, method) ? t(`procurementMethod.${method}`) : method;

/** 处置方式, likewise. */
export const disposalMethodLabel = (t: Translate, method: string) =>
  isOneOf(DISPOSAL_METHODS, method) ? t(`disposalMethod.${method}`) : method;
