import type { IntegrityFlag, ResponseTrace } from './integrity.ts';
import type { SurveyQuestion } from './model.ts';

const scale = (id: string): SurveyQuestion => ({ id, kind: 'scale', text: id, required: true });
export const FIVE_SCALE: readonly SurveyQuestion[] = ['a', 'b', 'c', 'd', 'e'].map(scale);
const all = (level: string) => Object.fromEntries(FIVE_SCALE.map((question) => [question.id, level]));
const mixed = { a: 'satisfied', b: 'very-satisfied', c: 'satisfied', d: 'fair', e: 'satisfied' };
const at = (seconds: number) => Date.UTC(2026, 11, 2) + seconds * 1000;

export interface IntegrityCase {
  readonly name: string;
  readonly questions?: readonly SurveyQuestion[];
  readonly response: ResponseTrace;
  readonly earlier?: readonly ResponseTrace[];
  readonly flags: readonly IntegrityFlag[];
}

export const INTEGRITY_CASES: readonly IntegrityCase[] = [
  { name: 'an ordinary response', response: { answers: mixed, completionSeconds: 95, receivedAt: at(0) }, flags: [] },
  { name: '29 s is too fast', response: { answers: mixed, completionSeconds: 29, receivedAt: at(0) }, flags: ['too-fast'] },
  { name: '30 s is enough', response: { answers: mixed, completionSeconds: 30, receivedAt: at(0) }, flags: [] },
  { name: 'a paper questionnaire has no time', response: { answers: mixed, receivedAt: at(0) }, flags: [] },
  {
    name: 'the same answer on all five scale questions',
    response: { answers: all('satisfied'), completionSeconds: 60, receivedAt: at(0) },
    flags: ['straight-lining'],
  },
  {
    name: 'the same answer on four scale questions is not enough to tell',
    questions: FIVE_SCALE.slice(0, 4),
    response: { answers: all('satisfied'), completionSeconds: 60, receivedAt: at(0) },
    flags: [],
  },
  {
    name: 'same answers, same address, an hour apart',
    response: { answers: mixed, completionSeconds: 60, receivedAt: at(3600), address: '10.0.0.1' },
    earlier: [{ answers: { ...mixed }, completionSeconds: 70, receivedAt: at(0), address: '10.0.0.1' }],
    flags: ['duplicate'],
  },
  {
    name: 'same answers, same fingerprint, different address',
    response: { answers: mixed, receivedAt: at(60), address: '10.0.0.2', fingerprint: 'f1' },
    earlier: [{ answers: mixed, receivedAt: at(0), address: '10.0.0.1', fingerprint: 'f1' }],
    flags: ['duplicate'],
  },
  {
    name: 'same answers, same address, but outside the 24-hour window',
    response: { answers: mixed, receivedAt: at(86_401), address: '10.0.0.1' },
    earlier: [{ answers: mixed, receivedAt: at(0), address: '10.0.0.1' }],
    flags: [],
  },
  {
    name: 'same address, different answers (a shared office network)',
    response: { answers: { ...mixed, e: 'fair' }, receivedAt: at(60), address: '10.0.0.1' },
    earlier: [{ answers: mixed, receivedAt: at(0), address: '10.0.0.1' }],
    flags: [],
  },
  {
    name: 'all three at once, in order',
    response: { answers: all('fair'), completionSeconds: 5, receivedAt: at(10), address: '10.0.0.1' },
    earlier: [{ answers: all('fair'), completionSeconds: 5, receivedAt: at(0), address: '10.0.0.1' }],
    flags: ['too-fast', 'straight-lining', 'duplicate'],
  },
];
