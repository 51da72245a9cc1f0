import { CheckCircleOutlined, DownloadOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  EX_ANTE_GRADES,
  type ExAnteAssessment,
  type ExAnteConclusionValue,
  type ExAnteGradeValue,
  type ExAnteSummary,
} from '@jixiao/contract';
import { Alert, Button, Card, Descriptions, Flex, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useFiscalYears, useProjects } from '../../api/admin-queries.ts';
import { exAnteApi, useConcludeExAnte, useCreateExAnte, useExAnte, useExAnteList, useSaveExAnte } from '../../api/ex-ante-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useReportError } from '../../components/use-report-error.tsx';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const CONCLUSION_COLOR: Readonly<Record<ExAnteConclusionValue, string>> = { support: 'green', adjust: 'gold', reject: 'red' };

type Edits = Record<string, { grade: ExAnteGradeValue | null; opinion: string }>;

function editsOf(assessment: ExAnteAssessment): Edits {
  return Object.fromEntries(
    assessment.dimensions.flatMap((dimension) =>
      dimension.items.map((item) => [item.code, { grade: item.grade, opinion: item.opinion ?? '' }]),
    ),
  );
}

function ConclusionTag({ conclusion }: { conclusion: ExAnteConclusionValue | null }) {
  const { t } = useI18n();
  if (!conclusion) return <Tag>{t('exAnte.open')}</Tag>;
  return <Tag color={CONCLUSION_COLOR[conclusion]}>{t(`exAnte.conclusion.${conclusion}`)}</Tag>;
}

/** One assessment: every sub-item graded 优 / 良 / 中 / 差 with an opinion, the scores, and the conclusion confirmed once. */
function AssessmentCard({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const assessment = useExAnte(id);
  const data = assessment.data;
  const [edits, setEdits] = useState<Edits>({});
  const [confirming, setConfirming] = useState(false);
  const [opinion, setOpinion] = useState('');
  const save = useSaveExAnte();
  const conclude = useConcludeExAnte();
  const { write, saving } = useWrite();
  const reportError = useReportError();

  useEffect(() => {
    if (data) {
      setEdits(editsOf(data));
      setOpinion(data.opinion ?? '');
    }
  }, [data]);

  if (assessment.error) return <ApiErrorAlert error={assessment.error} onRetry={assessment.refetch} />;
  if (!data) return <Card loading />;
  const canGrade = data.permissions.grade;
  const en = locale === 'en';
  const dirty = JSON.stringify(edits) !== JSON.stringify(editsOf(data));
  const body = () => ({
    version: data.version,
    entries: Object.entries(edits).map(([code, edit]) => ({ code, grade: edit.grade, opinion: edit.opinion.trim() || undefined })),
  });

  const onSave = () => write(() => save.mutateAsync({ id, body: body() }), { success: t('exAnte.saved') });
  const onConclude = async () => {
    const proposed = data.proposedConclusion;
    if (!proposed) return;
    const done = await write(
      () => conclude.mutateAsync({ id, body: { version: data.version, confirm: true, conclusion: proposed, opinion: opinion.trim() } }),
      { success: t('exAnte.concluded') },
    );
    if (done) setConfirming(false);
  };

  return (
    <Card
      data-testid="ex-ante-assessment"
      title={`${data.projectName}${t('common.paren', { text: data.projectCode })}`}
      extra={<ConclusionTag conclusion={data.conclusion} />}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
        <Descriptions.Item label={t('exAnte.unit')}>{data.organisationName}</Descriptions.Item>
        <Descriptions.Item label={t('exAnte.funds')}>{t('exAnte.yuan', { amount: data.funds })}</Descriptions.Item>
        <Descriptions.Item label={t('exAnte.total')}>
          <Typography.Text strong data-testid="ex-ante-total">
            {data.total}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('exAnte.cutOffs')}>{t('exAnte.cutOffsText', data.cutOffs)}</Descriptions.Item>
      </Descriptions>
      <Alert
        type={data.conclusion === 'reject' ? 'error' : data.conclusion ? 'success' : 'info'}
        showIcon
        title={en ? data.explanationEn : data.explanation}
        style={{ marginBottom: 12 }}
      />
      {data.dimensions.map((dimension) => (
        <div key={dimension.dimension} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>
            {en ? dimension.nameEn : dimension.name}
            {t('common.paren', { text: t('exAnte.dimensionScore', { score: dimension.score, points: dimension.points }) })}
          </Typography.Title>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={dimension.items}
            scroll={{ x: 720 }}
            columns={[
              {
                title: t('exAnte.item'),
                key: 'name',
                width: 220,
                render: (_, item) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text>{en ? item.nameEn : item.name}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.hint}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: t('exAnte.points'), dataIndex: 'points', width: 70, align: 'right' },
              {
                title: t('exAnte.grade'),
                key: 'grade',
                width: 110,
                render: (_, item) => (
                  <Select<ExAnteGradeValue>
                    size="small"
                    style={{ width: 90 }}
                    data-testid={`grade-${item.code}`}
                    aria-label={`${t('exAnte.grade')} ${item.name}`}
                    disabled={!canGrade}
                    allowClear
                    placeholder={t('exAnte.ungraded')}
                    value={edits[item.code]?.grade ?? undefined}
                    options={EX_ANTE_GRADES.map((grade) => ({ value: grade, label: t(`exAnte.grade.${grade}`) }))}
                    onChange={(grade) =>
                      setEdits((current) => ({ ...current, [item.code]: { opinion: '', ...current[item.code], grade: grade ?? null } }))
                    }
                  />
                ),
              },
              { title: t('exAnte.score'), key: 'score', width: 70, align: 'right', render: (_, item) => item.score ?? '—' },
              {
                title: t('exAnte.opinion'),
                key: 'opinion',
                render: (_, item) => (
                  <Input
                    size="small"
                    disabled={!canGrade}
                    aria-label={`${t('exAnte.opinion')} ${item.name}`}
                    value={edits[item.code]?.opinion ?? ''}
                    maxLength={1000}
                    onChange={(event) =>
                      setEdits((current) => ({
                        ...current,
                        [item.code]: { grade: null, ...current[item.code], opinion: event.target.value },
                      }))
                    }
                  />
                ),
              },
            ]}
          />
        </div>
      ))}
      {data.opinion && data.conclusion && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('exAnte.overallOpinion')}>{data.opinion}</Descriptions.Item>
        </Descriptions>
      )}
      <Flex gap={8} justify="end">
        <Button
          icon={<DownloadOutlined />}
          onClick={() => exAnteApi.report(id, data.projectName).catch((error: unknown) => reportError(error))}
          data-testid="ex-ante-report"
        >
          {t('exAnte.report')}
        </Button>
        {canGrade && (
          <Button icon={<SaveOutlined />} onClick={onSave} loading={saving && !confirming} disabled={!dirty} data-testid="ex-ante-save">
            {t('exAnte.save')}
          </Button>
        )}
        {data.permissions.conclude && (
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={dirty || !data.proposedConclusion}
            title={dirty ? t('exAnte.saveFirst') : !data.proposedConclusion ? t('exAnte.gradeAll') : undefined}
            onClick={() => setConfirming(true)}
            data-testid="ex-ante-conclude"
          >
            {t('exAnte.conclude')}
          </Button>
        )}
      </Flex>
      <Modal
        open={confirming}
        title={t('exAnte.confirmTitle')}
        okText={t('exAnte.confirm')}
        okButtonProps={{ disabled: !opinion.trim(), danger: data.proposedConclusion === 'reject', loading: saving }}
        onOk={onConclude}
        onCancel={() => setConfirming(false)}
      >
        <Typography.Paragraph>
          {t('exAnte.confirmText', {
            total: data.total,
            conclusion: data.proposedConclusion ? t(`exAnte.conclusion.${data.proposedConclusion}`) : '',
          })}
        </Typography.Paragraph>
        {data.proposedConclusion === 'reject' && (
          <Alert type="warning" showIcon title={t('exAnte.rejectWarning')} style={{ marginBottom: 8 }} />
        )}
        <Input.TextArea
          rows={4}
          maxLength={2000}
          value={opinion}
          onChange={(event) => setOpinion(event.target.value)}
          placeholder={t('exAnte.opinionPlaceholder')}
          aria-label={t('exAnte.overallOpinion')}
          data-testid="ex-ante-opinion"
        />
      </Modal>
    </Card>
  );
}

/** Opens an assessment for a project of the year. */
function CreateAssessment({ fiscalYear, taken, onCreated }: { fiscalYear: number; taken: Set<string>; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const projects = useProjects(fiscalYear);
  const create = useCreateExAnte();
  const { write, saving } = useWrite();
  const [projectId, setProjectId] = useState<string | undefined>();
  const options = (projects.data?.items ?? [])
    .filter((project) => !taken.has(project.id))
    .map((project) => ({
      value: project.id,
      label: `${project.code} ${project.name}${t('common.paren', { text: project.organisationName })}`,
    }));
  return (
    <Space wrap>
      <Select
        showSearch
        optionFilterProp="label"
        style={{ minWidth: 320 }}
        placeholder={t('exAnte.pickProject')}
        aria-label={t('exAnte.pickProject')}
        value={projectId}
        onChange={setProjectId}
        options={options}
        loading={projects.isFetching}
        data-testid="ex-ante-project"
      />
      <Button
        icon={<PlusOutlined />}
        disabled={!projectId}
        loading={saving}
        data-testid="ex-ante-create"
        onClick={async () => {
          if (!projectId) return;
          let createdId = '';
          const done = await write(
            async () => {
              createdId = (await create.mutateAsync({ projectId, fiscalYear })).id;
            },
            { success: t('exAnte.created') },
          );
          if (done) {
            setProjectId(undefined);
            onCreated(createdId);
          }
        }}
      >
        {t('exAnte.create')}
      </Button>
    </Space>
  );
}

/**
 * 事前绩效评估: the year's assessments with their totals and conclusions, opening one to grade its
 * sub-items and confirm the conclusion. Shown to the reviewers who may assess (the server's policy).
 */
export default function ExAntePage() {
  const { t } = useI18n();
  const years = useFiscalYears();
  const yearOptions = useMemo(() => (years.data?.items ?? []).map((year) => year.year).sort((a, b) => b - a), [years.data]);
  const [fiscalYear, setFiscalYear] = useState<number | undefined>();
  const year = fiscalYear ?? yearOptions[0];
  const list = useExAnteList(year);
  const [selected, setSelected] = useState<string | null>(null);
  const items = list.data?.items ?? [];

  return (
    <div className="page-stack">
      <Typography.Title level={3} className="page-title">
        {t('nav.exAnte')}
      </Typography.Title>
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('exAnte.intro')}</Typography.Paragraph>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 120 }}
            data-testid="ex-ante-year"
            aria-label={t('exAnte.year')}
            value={year}
            onChange={(value) => {
              setFiscalYear(value);
              setSelected(null);
            }}
            options={yearOptions.map((value) => ({ value, label: t('exAnte.yearLabel', { year: value }) }))}
          />
          {year !== undefined && (
            <CreateAssessment fiscalYear={year} taken={new Set(items.map((item) => item.projectId))} onCreated={setSelected} />
          )}
        </Flex>
        {list.error ? (
          <ApiErrorAlert error={list.error} onRetry={list.refetch} />
        ) : (
          <Table<ExAnteSummary>
            size="small"
            rowKey="id"
            loading={list.isFetching}
            dataSource={items}
            pagination={false}
            scroll={{ x: 640 }}
            onRow={(row) => ({ onClick: () => setSelected(row.id), style: { cursor: 'pointer' } })}
            rowClassName={(row) => (row.id === selected ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('exAnte.project'), key: 'project', render: (_, row) => `${row.projectCode} ${row.projectName}` },
              { title: t('exAnte.unit'), dataIndex: 'organisationName' },
              { title: t('exAnte.funds'), dataIndex: 'funds', align: 'right' },
              { title: t('exAnte.total'), dataIndex: 'total', align: 'right' },
              { title: t('exAnte.conclusionColumn'), key: 'conclusion', render: (_, row) => <ConclusionTag conclusion={row.conclusion} /> },
            ]}
          />
        )}
      </Card>
      {selected && <AssessmentCard key={selected} id={selected} />}
    </div>
  );
}
