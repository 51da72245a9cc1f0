import { chinaToday } from '../time.ts';
import type { SurveyRow } from './survey.repository.ts';

export type SurveyStatus = 'not-open' | 'open' | 'closed';

/** The window is in China dates, both ends inclusive, judged by the server's clock. */
export function surveyStatus(survey: Pick<SurveyRow, 'opensOn' | 'closesOn'>, now: Date): SurveyStatus {
  const today = chinaToday(now);
  if (today < survey.opensOn) return 'not-open';
  if (today > survey.closesOn) return 'closed';
  return 'open';
}
