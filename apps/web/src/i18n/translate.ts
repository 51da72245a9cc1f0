import { en } from './en.ts';
import { type MessageKey, zh } from './zh.ts';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export type { MessageKey };
export type Params = Readonly<Record<string, string | number>>;

const DICTIONARIES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { 'zh-CN': zh, en };

/** The message for a key in a locale, with `{name}` placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Placeholders used by a message, for the completeness test. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}
