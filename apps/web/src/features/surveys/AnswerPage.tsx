import type { PublicSurvey, SurveyQuestionBody } from '@jixiao/contract';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { surveyApi } from '../../api/survey-queries.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import './answer-page.css';

const SCALE = ['very-satisfied', 'satisfied', 'fair', 'dissatisfied', 'very-dissatisfied'] as const;
type Answer = string | string[];

/** The server's answer for one question ("answers.<id>"), so the message sits beside it. */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const entries = (error.details as { path?: string; message?: string }[]).flatMap((entry) =>
    entry.path && entry.message ? [[entry.path.replace(/^answers\./, ''), entry.message] as const] : [],
  );
  return Object.fromEntries(entries);
}

function Question({
  question,
  index,
  value,
  error,
  onChange,
}: {
  question: SurveyQuestionBody;
  index: number;
  value: Answer | undefined;
  error: string | undefined;
  onChange: (value: Answer) => void;
}) {
  const { t } = useI18n();
  const errorId = `q-${question.id}-error`;
  const legend = (
    <legend>
      <span className="answer-number">{index + 1}.</span> {question.text}
      {question.required && <span className="answer-required"> {t('common.paren', { text: t('answer.required') })}</span>}
      {question.kind === 'multiple' && <span className="answer-hint"> {t('common.paren', { text: t('answer.multipleHint') })}</span>}
    </legend>
  );
  const described = error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {};
  const choice = (type: 'radio' | 'checkbox', options: { id: string; label: string }[]) =>
    options.map((option) => {
      const checked = Array.isArray(value) ? value.includes(option.id) : value === option.id;
      return (
        <label key={option.id} className="answer-option">
          <input
            type={type}
            name={`q-${question.id}`}
            value={option.id}
            checked={checked}
            required={type === 'radio' && question.required}
            onChange={() => {
              if (type === 'radio') onChange(option.id);
              else {
                const current = Array.isArray(value) ? value : [];
                onChange(checked ? current.filter((entry) => entry !== option.id) : [...current, option.id]);
              }
            }}
            {...described}
          />
          <span>{option.label}</span>
        </label>
      );
    });
  return (
    <fieldset className={`answer-question${error ? ' answer-question-error' : ''}`}>
      {legend}
      {question.kind === 'scale' &&
        choice(
          'radio',
          SCALE.map((level) => ({ id: level, label: t(`scale.${level}` as MessageKey) })),
        )}
      {question.kind === 'single' && choice('radio', question.options ?? [])}
      {question.kind === 'multiple' && choice('checkbox', question.options ?? [])}
      {question.kind === 'text' && (
        <>
          <label className="visually-hidden" htmlFor={`q-${question.id}`}>
            {question.text}
          </label>
          <textarea
            id={`q-${question.id}`}
            rows={3}
            maxLength={question.maxLength ?? 200}
            value={typeof value === 'string' ? value : ''}
            onChange={(event) => onChange(event.target.value)}
            {...described}
          />
          <small className="answer-hint">{t('answer.textHint', { max: question.maxLength ?? 200 })}</small>
        </>
      )}
      {error && (
        <p id={errorId} className="answer-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * 问卷填写 (public, no sign-in): mobile first, plain HTML controls (one fieldset and legend per
 * question, errors announced), no charts, one request to load and one to send.
 */
export default function AnswerPage() {
  const { t } = useI18n();
  const { slug = '' } = useParams();
  const [survey, setSurvey] = useState<PublicSurvey | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('code') ?? '');
  const [consented, setConsented] = useState(false);
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const openedAt = useRef(new Date());
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    surveyApi
      .publicForm(slug)
      .then(setSurvey)
      .catch((error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)));
  }, [slug]);

  useEffect(() => {
    if (summary) summaryRef.current?.focus();
  }, [summary]);

  const questions = useMemo(() => survey?.questions ?? [], [survey]);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!survey) return;
    setSending(true);
    setErrors({});
    setSummary(null);
    try {
      const answer = await surveyApi.submit(slug, {
        answers,
        code: code.trim() || undefined,
        formToken: survey.formToken,
        openedAt: openedAt.current.toISOString(),
        elapsedSeconds: Math.round((Date.now() - openedAt.current.getTime()) / 1000),
        consented,
      });
      setDone(answer.message);
      window.scrollTo(0, 0);
    } catch (error) {
      const byField = fieldErrors(error);
      setErrors(byField);
      const count = Object.keys(byField).length;
      setSummary(count > 1 ? t('answer.errors', { count }) : error instanceof Error ? error.message : String(error));
    } finally {
      setSending(false);
    }
  }

  if (done) {
    return (
      <main className="answer-page">
        <h1>{survey?.title}</h1>
        <p className="answer-done" role="status">
          {done}
        </p>
      </main>
    );
  }
  if (loadError) {
    return (
      <main className="answer-page">
        <p className="answer-error" role="alert">
          {loadError}
        </p>
      </main>
    );
  }
  if (!survey) {
    return (
      <main className="answer-page" aria-busy="true">
        <p>{t('answer.loading')}</p>
      </main>
    );
  }
  return (
    <main className="answer-page">
      <h1>{survey.title}</h1>
      <p className="answer-meta">
        {survey.organisationName} · {t('answer.closesOn', { date: survey.closesOn })}
      </p>
      {survey.intro && <p className="answer-intro">{survey.intro}</p>}
      <form onSubmit={send} noValidate>
        {survey.inviteOnly && (
          <div className="answer-question">
            <label htmlFor="answer-code">{t('answer.code')}</label>
            <input
              id="answer-code"
              autoComplete="off"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              aria-describedby={errors.code ? 'answer-code-error' : undefined}
            />
            {errors.code && (
              <p id="answer-code-error" className="answer-error">
                {errors.code}
              </p>
            )}
          </div>
        )}
        {survey.personalConsent && (
          <div className="answer-question">
            <p>{survey.personalConsent}</p>
            <label className="answer-option">
              <input type="checkbox" checked={consented} onChange={(event) => setConsented(event.target.checked)} />
              <span>{t('answer.consent')}</span>
            </label>
            {errors.consented && <p className="answer-error">{errors.consented}</p>}
          </div>
        )}
        {(!survey.personalConsent || consented) &&
          questions.map((question, index) => (
            <Question
              key={question.id}
              question={question}
              index={index}
              value={answers[question.id]}
              error={errors[question.id]}
              onChange={(value) => setAnswers((current) => ({ ...current, [question.id]: value }))}
            />
          ))}
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          aria-live="assertive"
          className={summary ? 'answer-error answer-summary' : 'visually-hidden'}
        >
          {summary}
        </div>
        <button type="submit" className="answer-submit" disabled={sending || (Boolean(survey.personalConsent) && !consented)}>
          {sending ? t('answer.submitting') : t('answer.submit')}
        </button>
      </form>
    </main>
  );
}
