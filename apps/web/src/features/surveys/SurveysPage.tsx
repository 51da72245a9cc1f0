import type { SurveySummary } from '@jixiao/contract';
import { surveys } from '@jixiao/core';
import { Button, Card, Drawer, Flex, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useFiscalYears, useOrganisations } from '../../api/admin-queries.ts';
import { useSurvey, useSurveyList, useSurveyWrites } from '../../api/survey-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import { draftFromTemplate, draftOf, kindLabel, SurveyDesign, type SurveyDraft } from './SurveyDesign.tsx';
import { SurveyDistribution } from './SurveyDistribution.tsx';
import { SurveyResponses } from './SurveyResponses.tsx';
import { SurveyResultsView } from './SurveyResultsView.tsx';

const STATUS_COLOR = { 'not-open': 'default', open: 'green', closed: 'red' } as const;

function SurveyDrawer({ id, tab, flaggedOnly, onClose }: { id: string; tab: string; flaggedOnly: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const survey = useSurvey(id);
  const writes = useSurveyWrites();
  const data = survey.data;
  return (
    <Drawer open width={Math.min(960, window.innerWidth)} title={data?.title} onClose={onClose} destroyOnHidden>
      {survey.error && <ApiErrorAlert error={survey.error} onRetry={() => void survey.refetch()} />}
      {data && (
        <Tabs
          defaultActiveKey={tab}
          items={[
            {
              key: 'results',
              label: t('surveys.tab.results'),
              children: <SurveyResultsView surveyId={data.id} />,
            },
            {
              key: 'distribution',
              label: t('surveys.tab.distribution'),
              children: <SurveyDistribution survey={data} />,
            },
            {
              key: 'responses',
              label: t('surveys.tab.responses'),
              children: <SurveyResponses surveyId={data.id} mayReview={data.permissions.review} flaggedOnly={flaggedOnly} />,
            },
            {
              key: 'design',
              label: t('surveys.tab.design'),
              children: (
                <SurveyDesign
                  key={data.version}
                  initial={draftOf(data)}
                  editable={data.permissions.design && data.validResponses === 0}
                  saving={writes.update.isPending}
                  error={writes.update.error}
                  onSave={(draft: SurveyDraft) => writes.update.mutate({ id: data.id, body: { ...draft, version: data.version } })}
                />
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}

function NewSurvey({ fiscalYear, onCreated }: { fiscalYear: number; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const organisations = useOrganisations();
  const writes = useSurveyWrites();
  const [organisationId, setOrganisationId] = useState<string | undefined>();
  const [kind, setKind] = useState<surveys.SurveyTemplateKind>('subsidised-enterprises');
  const [open, setOpen] = useState(false);
  const units = organisations.data?.items ?? [];
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="survey-new">
        {t('surveys.new')}
      </Button>
      <Drawer open={open} width={Math.min(960, window.innerWidth)} title={t('surveys.new')} onClose={() => setOpen(false)} destroyOnHidden>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ minWidth: 240 }}
            aria-label={t('surveys.unit')}
            placeholder={t('surveys.unit')}
            value={organisationId}
            onChange={setOrganisationId}
            options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          />
          <Select
            style={{ minWidth: 180 }}
            aria-label={t('surveys.template')}
            value={kind}
            onChange={setKind}
            options={(Object.keys(surveys.SURVEY_TEMPLATES) as surveys.SurveyTemplateKind[]).map((value) => ({
              value,
              label: t(kindLabel(value)),
            }))}
          />
        </Flex>
        <SurveyDesign
          key={kind}
          initial={draftFromTemplate(kind, fiscalYear)}
          editable
          saving={writes.create.isPending}
          error={writes.create.error}
          onSave={(draft) =>
            organisationId &&
            writes.create.mutate(
              { ...draft, organisationId, fiscalYear },
              {
                onSuccess: ({ id }) => {
                  setOpen(false);
                  onCreated(id);
                },
              },
            )
          }
        />
      </Drawer>
    </>
  );
}

/** 满意度调查: the year's surveys, their plan against the valid responses, opening one for its tabs. */
export default function SurveysPage() {
  const { t } = useI18n();
  const years = useFiscalYears();
  const yearOptions = useMemo(() => (years.data?.items ?? []).map((year) => year.year).sort((a, b) => b - a), [years.data]);
  const [fiscalYear, setFiscalYear] = useState<number | undefined>();
  const year = fiscalYear ?? yearOptions[0];
  const list = useSurveyList(year);
  // The open survey lives in the address (?open=), so a to-do can link straight to it.
  const [search, setSearch] = useSearchParams();
  const selected = search.get('open');
  const setSelected = (id: string | null) => {
    const next = new URLSearchParams(search);
    if (id) next.set('open', id);
    else for (const key of ['open', 'tab', 'filter']) next.delete(key);
    setSearch(next);
  };
  return (
    <div className="page-stack">
      <Typography.Title level={3} className="page-title">
        {t('surveys.title')}
      </Typography.Title>
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 120 }}
            aria-label={t('evaluation.fiscalYear')}
            value={year}
            onChange={setFiscalYear}
            options={yearOptions.map((value) => ({ value, label: String(value) }))}
          />
          {year !== undefined && <NewSurvey fiscalYear={year} onCreated={setSelected} />}
        </Flex>
        {list.error ? (
          <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<SurveySummary>
            size="small"
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('surveys.empty') }}
            pagination={false}
            scroll={{ x: 720 }}
            onRow={(row) => ({ onClick: () => setSelected(row.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('surveys.name'), dataIndex: 'title' },
              { title: t('surveys.unit'), dataIndex: 'organisationName' },
              { title: t('surveys.window'), key: 'window', render: (_, row) => `${row.opensOn} — ${row.closesOn}` },
              {
                title: t('surveys.status'),
                dataIndex: 'status',
                render: (status: SurveySummary['status']) => (
                  <Tag color={STATUS_COLOR[status]}>{t(`surveys.status.${status}` as MessageKey)}</Tag>
                ),
              },
              {
                title: t('surveys.valid'),
                key: 'valid',
                align: 'right',
                render: (_, row) => `${row.validResponses} / ${row.plan.required}`,
              },
            ]}
          />
        )}
      </Card>
      {selected && (
        <SurveyDrawer
          id={selected}
          tab={search.get('tab') ?? 'results'}
          flaggedOnly={search.get('filter') === 'flagged'}
          onClose={() => setSelected(null)}
        />
      )}
    </div>
  );
}
