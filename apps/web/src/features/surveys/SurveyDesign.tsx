import type { SaveSurveyBody, SurveyDetail, SurveyQuestionBody } from '@jixiao/contract';
import { surveys } from '@jixiao/core';
import { Alert, Button, Card, Checkbox, Flex, Input, InputNumber, Select, Space, Typography } from 'antd';
import { cloneElement, type ReactElement, useMemo, useState } from 'react';
import { useSurveyWrites } from '../../api/survey-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';

export type SurveyDraft = Omit<SaveSurveyBody, 'organisationId' | 'fiscalYear'>;

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function draftFromTemplate(kind: surveys.SurveyTemplateKind, fiscalYear: number): SurveyDraft {
  const template = surveys.SURVEY_TEMPLATES[kind];
  return {
    title: `${fiscalYear} 年度${template.title}`,
    kind,
    questions: template.questions.map((question) => ({ ...question, options: question.options ? [...question.options] : undefined })),
    plan: {
      populationSource: kind === 'subsidised-enterprises' ? 'subsidy-register' : 'manual',
      population: null,
      confidence: '95',
      margin: '5',
      responseRate: '60',
    },
    // A suggestion only (the server judges the window by its own clock): from today, for four weeks.
    opensOn: isoDay(0),
    closesOn: isoDay(28),
    inviteOnly: false,
    personalConsent: null,
    links: { indicatorIds: [], declaredIndicatorIds: [] },
  };
}

export function draftOf(survey: SurveyDetail): SurveyDraft {
  return {
    title: survey.title,
    kind: survey.kind as SurveyDraft['kind'],
    intro: survey.intro,
    questions: survey.questions,
    scale: survey.scale,
    integrity: survey.integrity,
    plan: {
      populationSource: survey.plan.populationSource,
      population: survey.plan.population,
      confidence: survey.plan.confidence,
      margin: survey.plan.margin,
      responseRate: survey.plan.responseRate,
    },
    opensOn: survey.opensOn,
    closesOn: survey.closesOn,
    inviteOnly: survey.inviteOnly,
    personalConsent: survey.personalConsent,
    links: {
      indicatorIds: survey.links.filter((link) => link.kind === 'evaluation').map((link) => link.id),
      declaredIndicatorIds: survey.links.filter((link) => link.kind === 'declared').map((link) => link.id),
    },
  };
}

/** Percent text → share, for the plan preview (the server recomputes the plan on save). */
function share(text: string): { num: bigint; den: bigint } | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return basisPoints > 0 && basisPoints <= 10_000 ? { num: BigInt(basisPoints), den: 10_000n } : undefined;
}

function PlanPreview({ draft }: { draft: SurveyDraft }) {
  const { t } = useI18n();
  const plan = useMemo(() => {
    const margin = share(draft.plan.margin);
    const responseRate = share(draft.plan.responseRate);
    if (!margin || !responseRate || margin.num >= margin.den) return undefined;
    return surveys.planSample({ population: draft.plan.population ?? undefined, confidence: draft.plan.confidence, margin, responseRate });
  }, [draft.plan]);
  if (!plan) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="plan-preview"
      message={t('surveys.planResult', { required: plan.required, invitations: plan.invitations })}
      description={plan.census ? t('surveys.census') : undefined}
    />
  );
}

/** 问卷设计: title, window, sample plan, questions and the indicators the survey feeds. */
export function SurveyDesign({
  initial,
  onSave,
  saving,
  error,
  editable,
}: {
  initial: SurveyDraft;
  onSave: (draft: SurveyDraft) => void;
  saving: boolean;
  error: unknown;
  editable: boolean;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof SurveyDraft>(key: K, value: SurveyDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const setPlan = (patch: Partial<SurveyDraft['plan']>) => setDraft((current) => ({ ...current, plan: { ...current.plan, ...patch } }));
  const setQuestion = (index: number, patch: Partial<SurveyQuestionBody>) =>
    set(
      'questions',
      draft.questions.map((question, at) => (at === index ? { ...question, ...patch } : question)),
    );
  // Each control gets an id so its caption is a real <label for>.
  const field = (label: string, control: ReactElement<{ id?: string }>) => {
    const id = `survey-${label}`;
    return (
      <div className="survey-field">
        <label htmlFor={id}>
          <Typography.Text type="secondary">{label}</Typography.Text>
        </label>
        {cloneElement(control, { id })}
      </div>
    );
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error instanceof Error ? <ApiErrorAlert error={error} /> : null}
      <Card size="small">
        <Flex vertical gap={8}>
          {field(t('surveys.name'), <Input value={draft.title} onChange={(event) => set('title', event.target.value)} />)}
          <Flex gap={8} wrap>
            {field(
              t('surveys.opensOn'),
              <Input type="date" value={draft.opensOn} onChange={(event) => set('opensOn', event.target.value)} />,
            )}
            {field(
              t('surveys.closesOn'),
              <Input type="date" value={draft.closesOn} onChange={(event) => set('closesOn', event.target.value)} />,
            )}
          </Flex>
          <Checkbox checked={draft.inviteOnly} onChange={(event) => set('inviteOnly', event.target.checked)}>
            {t('surveys.inviteOnly')}
          </Checkbox>
          {field(
            t('surveys.consent'),
            <Input.TextArea
              rows={2}
              value={draft.personalConsent ?? ''}
              onChange={(event) => set('personalConsent', event.target.value || null)}
            />,
          )}
        </Flex>
      </Card>
      <Card size="small" title={t('surveys.planned')}>
        <Flex gap={8} wrap align="end">
          {field(
            t('surveys.population'),
            <Select
              style={{ width: 260 }}
              value={draft.plan.populationSource}
              onChange={(value) => setPlan({ populationSource: value })}
              options={(['manual', 'subsidy-register'] as const).map((value) => ({ value, label: t(`surveys.populationSource.${value}`) }))}
            />,
          )}
          {draft.plan.populationSource === 'manual' &&
            field(
              `${t('surveys.population')}${t('common.paren', { text: 'N' })}`,
              <InputNumber min={1} value={draft.plan.population ?? null} onChange={(value) => setPlan({ population: value })} />,
            )}
          {field(
            t('surveys.confidence'),
            <Select
              style={{ width: 90 }}
              value={draft.plan.confidence}
              onChange={(value) => setPlan({ confidence: value })}
              options={(['90', '95', '99'] as const).map((value) => ({ value, label: `${value}%` }))}
            />,
          )}
          {field(
            t('surveys.margin'),
            <Input style={{ width: 90 }} value={draft.plan.margin} onChange={(event) => setPlan({ margin: event.target.value })} />,
          )}
          {field(
            t('surveys.responseRate'),
            <Input
              style={{ width: 90 }}
              value={draft.plan.responseRate}
              onChange={(event) => setPlan({ responseRate: event.target.value })}
            />,
          )}
        </Flex>
        <PlanPreview draft={draft} />
      </Card>
      <Card size="small" title={t('surveys.questions')}>
        {draft.questions.map((question, index) => (
          <Flex key={question.id} gap={8} wrap align="center" style={{ marginBottom: 8 }}>
            <span>{index + 1}.</span>
            <Input
              aria-label={`${t('surveys.questions')} ${index + 1}`}
              style={{ flex: '1 1 280px' }}
              value={question.text}
              disabled={!editable}
              onChange={(event) => setQuestion(index, { text: event.target.value })}
            />
            <Checkbox
              checked={question.required}
              disabled={!editable}
              onChange={(event) => setQuestion(index, { required: event.target.checked })}
            >
              {t('answer.required')}
            </Checkbox>
            {question.kind === 'scale' && (
              <Input
                aria-label={`${index + 1} weight`}
                style={{ width: 70 }}
                value={question.weight ?? '1'}
                disabled={!editable}
                onChange={(event) => setQuestion(index, { weight: event.target.value || undefined })}
              />
            )}
          </Flex>
        ))}
      </Card>
      <Card size="small" title={t('surveys.links')}>
        <Select
          mode="tags"
          style={{ width: '100%' }}
          value={draft.links.indicatorIds}
          onChange={(ids: string[]) => set('links', { ...draft.links, indicatorIds: ids })}
          tokenSeparators={[',', ' ']}
        />
      </Card>
      <Button type="primary" loading={saving} onClick={() => onSave(draft)}>
        {t('surveys.save')}
      </Button>
    </Space>
  );
}

export function useSaveDraft() {
  return useSurveyWrites();
}

export const kindLabel = (kind: string): MessageKey => `surveys.kind.${kind}` as MessageKey;
