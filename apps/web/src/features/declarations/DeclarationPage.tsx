import { BookOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { DeclarationDetail, DeclaredIndicator, IndicatorSuggestion } from '@jixiao/contract';
import { DIRECTION, INDICATOR_NATURE, LEVEL1, LEVEL2_OF, TARGET_BASIS, VERDICT } from '@jixiao/contract';
import {
  Alert,
  Button,
  type ButtonProps,
  Card,
  Checkbox,
  Col,
  Flex,
  Input,
  List,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { declarationApi } from '../../api/endpoints.ts';
import { useDeclarationSuggestions } from '../../api/library-queries.ts';
import { type DeclarationBody, useDeclaration, useDeclarationWrites } from '../../api/targets-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatMoney } from '../../lib/money.ts';
import { DeclarationVersions } from '../adjustment/DeclarationVersions.tsx';
import { LibraryPicker } from '../library/LibraryPicker.tsx';
import { lineFromEntry, suggestionFor } from '../library/library-view.ts';
import { CarriedRectifications } from '../rectification/CarriedRectifications.tsx';
import { AppliedResultNote } from '../results/AppliedResultNote.tsx';
import {
  bodyOf,
  type IndicatorLine,
  linesWithoutVerdict,
  newLine,
  type OpinionDraft,
  opinionsToSend,
  reasonsToSend,
  type Verdict,
  warningsWithoutReason,
  withNature,
} from './declaration-form.ts';

type Step = 'submit' | 'approve' | 'return';

/** One 绩效目标申报表: the unit edits it; the reviewers give opinions per indicator and take their step. */
export default function DeclarationPage() {
  const { id = '' } = useParams();
  const query = useDeclaration(id);
  if (query.error) return <ApiErrorAlert error={query.error} />;
  if (!query.data) return <Card loading />;
  return <DeclarationView detail={query.data} />;
}

function DeclarationView({ detail }: { detail: DeclarationDetail }) {
  const { t } = useI18n();
  const { save, step } = useDeclarationWrites();
  const { write, saving } = useWrite();
  const [draft, setDraft] = useState<DeclarationBody>(() => bodyOf(detail));
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [opinions, setOpinions] = useState<Record<string, OpinionDraft>>({});
  const [pending, setPending] = useState<Step | null>(null);
  const [comment, setComment] = useState('');
  const [picking, setPicking] = useState(false);
  // The server's answer is the truth after every save or step: the editor starts again from it.
  useEffect(() => setDraft(bodyOf(detail)), [detail]);
  const editable = detail.permissions.edit;
  const reviewing = detail.permissions.approve || detail.permissions.return;
  const set = (patch: Partial<DeclarationBody>) => setDraft((current) => ({ ...current, ...patch }));
  const setLine = (index: number, patch: Partial<IndicatorLine>) =>
    set({ indicators: draft.indicators.map((line, at) => (at === index ? { ...line, ...patch } : line)) });
  // Entries picked but not saved yet are asked about too, so the suggestion shows as soon as one is picked.
  const savedEntries = new Set(detail.indicators.flatMap((line) => (line.libraryEntryId ? [line.libraryEntryId] : [])));
  const picked = draft.indicators.flatMap((line) =>
    line.libraryEntryId && !savedEntries.has(line.libraryEntryId) ? [line.libraryEntryId] : [],
  );
  const suggestions = useDeclarationSuggestions(detail.id, picked, editable && (savedEntries.size > 0 || picked.length > 0));

  const run = (action: Step) =>
    write(
      async () => {
        await step.mutateAsync({
          id: detail.id,
          body: {
            action,
            version: detail.version,
            comment: comment.trim() || undefined,
            reasons: action === 'submit' ? reasonsToSend(detail.findings, reasons) : undefined,
            opinions: action === 'submit' ? undefined : opinionsToSend(opinions),
          },
        });
        setPending(null);
        setComment('');
        setOpinions({});
      },
      { success: t('common.saved') },
    );
  const missingReasons = warningsWithoutReason(detail.findings, reasons);
  const missingVerdicts = detail.permissions.opinionPerIndicator ? linesWithoutVerdict(detail, opinions) : [];

  return (
    <div className="page-stack">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {detail.projectName ?? detail.organisationName} · {t(`declaration.kind.${detail.kind}`)}{' '}
          <Tag data-testid="declaration-status">{detail.statusLabel}</Tag>
        </Typography.Title>
        <Space wrap>
          {(['xlsx', 'docx'] as const).map((format) => (
            <Button
              key={format}
              onClick={() => void write(() => declarationApi.download(detail.id, format, 'formal', `申报表.${format}`))}
              data-testid={`declaration-export-${format}`}
            >
              {t(`declaration.export.${format}`)}
            </Button>
          ))}
          <Button
            onClick={() => void write(() => declarationApi.download(detail.id, 'xlsx', 'internal', '申报表（内部审核稿）.xlsx'))}
            data-testid="declaration-export-internal"
          >
            {t('declaration.export.internal')}
          </Button>
          {editable && (
            <Button
              loading={saving}
              onClick={() => void write(() => save.mutateAsync({ id: detail.id, body: draft }))}
              data-testid="declaration-save"
            >
              {t('declaration.save')}
            </Button>
          )}
          {detail.permissions.submit && (
            <Button type="primary" onClick={() => setPending('submit')} data-testid="declaration-submit">
              {t('declaration.submit')}
            </Button>
          )}
          {detail.permissions.return && (
            <Button danger onClick={() => setPending('return')} data-testid="declaration-return">
              {t('declaration.return')}
            </Button>
          )}
          {detail.permissions.approve && (
            <Button type="primary" onClick={() => setPending('approve')} data-testid="declaration-approve">
              {detail.permissions.opinionPerIndicator ? t('declaration.approveFinance') : t('declaration.approve')}
            </Button>
          )}
        </Space>
      </Flex>
      {detail.permissions.refusal && <Alert type="warning" showIcon message={detail.permissions.refusal} style={{ marginBottom: 12 }} />}
      <CarriedRectifications items={detail.carriedRectifications} />
      <AppliedResultNote result={detail.appliedResult} />
      {detail.approved && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('declaration.approved', {
            number: detail.approved.number,
            by: detail.approved.approvedBy,
            at: detail.approved.approvedAt.slice(0, 10),
          })}
          description={t('declaration.frozen')}
        />
      )}
      {detail.approved && <DeclarationVersions declarationId={detail.id} />}
      {detail.opinions.some((opinion) => opinion.text) && (
        <Alert
          type={detail.status === 'returned' ? 'error' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          message={t('declaration.opinions')}
          description={detail.opinions
            .filter((opinion) => opinion.text)
            .map((opinion) => `${opinion.actorName}：${opinion.text}`)
            .join('；')}
          data-testid="declaration-opinions"
        />
      )}
      <Header draft={draft} detail={detail} editable={editable} set={set} />
      <Goals draft={draft} editable={editable} set={set} />
      <Card size="small" title={t('declaration.indicators')} style={{ marginBottom: 12 }}>
        <IndicatorTable
          draft={draft}
          detail={detail}
          editable={editable}
          reviewing={reviewing}
          opinions={opinions}
          setOpinion={(indicatorId, patch) =>
            setOpinions((current) => ({ ...current, [indicatorId]: { ...current[indicatorId], ...patch } }))
          }
          setLine={setLine}
          remove={(index) => set({ indicators: draft.indicators.filter((_, at) => at !== index) })}
          suggestions={editable ? (suggestions.data?.items ?? []) : []}
        />
        {editable && (
          <Space style={{ marginTop: 8 }}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => set({ indicators: [...draft.indicators, newLine('output', 'quantity', 'quantitative')] })}
              data-testid="declaration-add-indicator"
            >
              {t('declaration.addIndicator')}
            </Button>
            <Button icon={<BookOutlined />} onClick={() => setPicking(true)} data-testid="declaration-pick-library">
              {t('libraryPage.pick')}
            </Button>
          </Space>
        )}
        <LibraryPicker
          open={picking}
          onClose={() => setPicking(false)}
          onPick={(entry) => {
            set({ indicators: [...draft.indicators, lineFromEntry(entry)] });
            setPicking(false);
          }}
        />
      </Card>
      <Card size="small" title={t('declaration.findings')} style={{ marginBottom: 12 }} data-testid="declaration-findings">
        {detail.findings.length === 0 ? (
          <Typography.Text type="success">{t('declaration.noFindings')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={detail.findings}
            renderItem={(finding) => (
              <List.Item data-testid={`finding-${finding.code}`}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text type={finding.severity === 'error' ? 'danger' : 'warning'}>{finding.message}</Typography.Text>
                  {finding.severity === 'warning' &&
                    (detail.permissions.submit ? (
                      <Input
                        placeholder={t('declaration.reasonPlaceholder')}
                        value={reasons[finding.key] ?? finding.reason ?? ''}
                        onChange={(event) => setReasons((current) => ({ ...current, [finding.key]: event.target.value }))}
                        data-testid={`reason-${finding.code}`}
                      />
                    ) : (
                      finding.reason && (
                        <Typography.Text type="secondary">{`${t('declaration.reason')}：${finding.reason}`}</Typography.Text>
                      )
                    ))}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('declaration.history')}>
        <List
          size="small"
          dataSource={detail.transitions}
          renderItem={(entry) => (
            <List.Item>
              {`${entry.at.slice(0, 16).replace('T', ' ')} ${entry.actorName} ${entry.actionLabel}${entry.comment ? `：${entry.comment}` : ''}`}
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={pending !== null}
        title={pending ? stepLabel(t, pending, detail.permissions.opinionPerIndicator) : ''}
        onCancel={() => setPending(null)}
        onOk={() => pending && void run(pending)}
        okButtonProps={
          {
            disabled:
              (pending === 'submit' && missingReasons.length > 0) ||
              (pending === 'return' && !comment.trim()) ||
              (pending !== 'submit' && missingVerdicts.length > 0),
            'data-testid': 'declaration-confirm',
          } as ButtonProps
        }
        confirmLoading={step.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph>{pending ? confirmText(t, pending, detail.permissions.opinionPerIndicator) : ''}</Typography.Paragraph>
        {pending === 'submit' && missingReasons.length > 0 && (
          <Alert type="warning" showIcon message={t('declaration.missingReasons', { count: missingReasons.length })} />
        )}
        {pending !== 'submit' && missingVerdicts.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('declaration.missingVerdicts', { count: missingVerdicts.length, names: missingVerdicts.join('、') })}
          />
        )}
        {pending !== 'submit' && (
          <Input.TextArea
            rows={3}
            style={{ marginTop: 8 }}
            placeholder={t('declaration.comment')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            data-testid="declaration-comment"
          />
        )}
      </Modal>
    </div>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

function stepLabel(t: Translate, step: Step, finance: boolean): string {
  if (step === 'submit') return t('declaration.submit');
  if (step === 'return') return t('declaration.return');
  return finance ? t('declaration.approveFinance') : t('declaration.approve');
}

function confirmText(t: Translate, step: Step, finance: boolean): string {
  if (step === 'submit') return t('declaration.confirmSubmit');
  if (step === 'return') return t('declaration.confirmReturn');
  return finance ? t('declaration.confirmApproveFinance') : t('declaration.confirmApprove');
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Col xs={24} md={12} lg={8}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div>{children}</div>
    </Col>
  );
}

function Header({
  draft,
  detail,
  editable,
  set,
}: {
  draft: DeclarationBody;
  detail: DeclarationDetail;
  editable: boolean;
  set: (patch: Partial<DeclarationBody>) => void;
}) {
  const { t } = useI18n();
  const text = (key: 'projectName' | 'projectCode' | 'department' | 'implementingUnit' | 'periodStart' | 'periodEnd', type?: string) => (
    <Input
      type={type}
      disabled={!editable}
      value={draft[key] ?? ''}
      onChange={(event) => set({ [key]: event.target.value || null })}
      data-testid={`declaration-${key}`}
    />
  );
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Row gutter={[12, 12]}>
        {detail.kind === 'project' && <Field label={t('declaration.projectName')}>{text('projectName')}</Field>}
        {detail.kind === 'project' && <Field label={t('declaration.projectCode')}>{text('projectCode')}</Field>}
        <Field label={t('declaration.department')}>{text('department')}</Field>
        <Field label={t('declaration.unit')}>{text('implementingUnit')}</Field>
        {detail.kind === 'project' && (
          <Field label={t('declaration.attribute')}>
            <Select
              style={{ width: '100%' }}
              disabled={!editable}
              allowClear
              value={draft.attribute ?? undefined}
              onChange={(attribute) => set({ attribute: attribute ?? null })}
              options={(['new', 'continuing'] as const).map((value) => ({ value, label: t(`declaration.attribute.${value}`) }))}
            />
          </Field>
        )}
        <Field label={t('declaration.periodStart')}>{text('periodStart', 'date')}</Field>
        <Field label={t('declaration.periodEnd')}>{text('periodEnd', 'date')}</Field>
        <Field label={`${t('declaration.fundsTotal')}${t('common.paren', { text: t('declaration.funds') })}`}>
          <Typography.Text strong data-testid="declaration-funds-total">
            {formatMoney(detail.funds.total)}
          </Typography.Text>
        </Field>
        <Field label={t('declaration.fundsFiscal')}>
          <Input
            disabled={!editable}
            value={draft.funds.fiscal}
            onChange={(event) => set({ funds: { ...draft.funds, fiscal: event.target.value } })}
            data-testid="declaration-funds-fiscal"
          />
        </Field>
        <Field label={t('declaration.fundsOther')}>
          <Input
            disabled={!editable}
            value={draft.funds.other}
            onChange={(event) => set({ funds: { ...draft.funds, other: event.target.value } })}
            data-testid="declaration-funds-other"
          />
        </Field>
      </Row>
    </Card>
  );
}

function Goals({ draft, editable, set }: { draft: DeclarationBody; editable: boolean; set: (patch: Partial<DeclarationBody>) => void }) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{t('declaration.overallGoal')}</Typography.Text>
      <Input.TextArea
        rows={2}
        disabled={!editable}
        value={draft.overallGoal}
        onChange={(event) => set({ overallGoal: event.target.value })}
        data-testid="declaration-overall-goal"
      />
      <Typography.Text type="secondary">{t('declaration.annualGoals')}</Typography.Text>
      {draft.annualGoals.map((goal, index) => (
        <Flex key={goal.id ?? index} gap={8} style={{ marginTop: 4 }}>
          <Input
            disabled={!editable}
            value={goal.text}
            onChange={(event) =>
              set({ annualGoals: draft.annualGoals.map((entry, at) => (at === index ? { ...entry, text: event.target.value } : entry)) })
            }
            data-testid={`declaration-goal-${index}`}
          />
          {editable && (
            <Button icon={<DeleteOutlined />} onClick={() => set({ annualGoals: draft.annualGoals.filter((_, at) => at !== index) })} />
          )}
        </Flex>
      ))}
      {editable && (
        <Button
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => set({ annualGoals: [...draft.annualGoals, { id: crypto.randomUUID(), text: '' }] })}
          data-testid="declaration-add-goal"
        >
          {t('declaration.addGoal')}
        </Button>
      )}
    </Card>
  );
}

interface TableProps {
  readonly draft: DeclarationBody;
  readonly detail: DeclarationDetail;
  readonly editable: boolean;
  readonly reviewing: boolean;
  readonly opinions: Readonly<Record<string, OpinionDraft>>;
  readonly setOpinion: (indicatorId: string, patch: OpinionDraft) => void;
  readonly setLine: (index: number, patch: Partial<IndicatorLine>) => void;
  readonly remove: (index: number) => void;
  /** 目标值建议 for the lines bound to the library (empty when the form is not editable). */
  readonly suggestions: readonly IndicatorSuggestion[];
}

type TextKey =
  | 'name'
  | 'target'
  | 'targetText'
  | 'unit'
  | 'basisText'
  | 'dataSource'
  | 'method'
  | 'evidence'
  | 'lastYearActual'
  | 'scoringRule'
  | 'weight';

function IndicatorTable({ draft, detail, editable, reviewing, opinions, setOpinion, setLine, remove, suggestions }: TableProps) {
  const { t, locale } = useI18n();
  const saved = new Map<string, DeclaredIndicator>(detail.indicators.map((line) => [line.id, line]));
  const rows = draft.indicators.map((line, index) => ({ line, index }));
  const text = (key: TextKey, width: number) => ({
    title: t(key === 'name' ? 'declaration.level3' : key === 'unit' ? 'declaration.unitOfMeasure' : `declaration.${key}`),
    width,
    render: (_: unknown, { line, index }: { line: IndicatorLine; index: number }) =>
      editable ? (
        <Input
          value={line[key] ?? ''}
          onChange={(event) => setLine(index, { [key]: event.target.value || null })}
          data-testid={`line-${index}-${key}`}
        />
      ) : (
        (line[key] ?? '')
      ),
  });
  const select = <V extends string>(
    value: V | null | undefined,
    options: readonly V[],
    label: (option: V) => string,
    onChange: (option: V) => void,
    testId: string,
  ) =>
    editable ? (
      <Select<V>
        style={{ width: '100%' }}
        value={value ?? undefined}
        onChange={onChange}
        options={options.map((option) => ({ value: option, label: label(option) }))}
        data-testid={testId}
      />
    ) : value ? (
      label(value)
    ) : (
      ''
    );
  return (
    <Table
      size="small"
      rowKey={({ line, index }) => line.id ?? `new-${index}`}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 2740 }}
      columns={[
        {
          title: t('declaration.level1'),
          width: 120,
          fixed: 'left',
          render: (_, { line, index }) =>
            select(
              line.level1,
              LEVEL1,
              (option) => t(`level1.${option}`),
              (level1) => setLine(index, { level1, level2: LEVEL2_OF[level1][0] }),
              `line-${index}-level1`,
            ),
        },
        {
          title: t('declaration.level2'),
          width: 150,
          render: (_, { line, index }) =>
            select(
              line.level2,
              LEVEL2_OF[line.level1],
              (option) => t(`level2.${option}`),
              (level2) => setLine(index, { level2 }),
              `line-${index}-level2`,
            ),
        },
        text('name', 200),
        {
          title: t('declaration.nature'),
          width: 100,
          render: (_, { line, index }) =>
            select(
              line.nature,
              INDICATOR_NATURE,
              (option) => t(`declaration.nature.${option}`),
              (nature) => setLine(index, withNature(line, nature)),
              `line-${index}-nature`,
            ),
        },
        {
          title: t('declaration.direction'),
          width: 90,
          render: (_, { line, index }) =>
            select(
              line.direction,
              DIRECTION,
              (option) => t(`direction.${option}`),
              (direction) => setLine(index, { direction }),
              `line-${index}-direction`,
            ),
        },
        {
          ...text('target', 100),
          width: 240,
          render: (value: unknown, row: { line: IndicatorLine; index: number }) => {
            const suggestion = suggestionFor(suggestions, row.line);
            const field = text('target', 100).render(value, row);
            if (!suggestion) return field;
            return (
              <Space direction="vertical" size={2} style={{ width: '100%' }} data-testid={`suggestion-${row.index}`}>
                {field}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {locale === 'zh-CN' ? suggestion.explanation : suggestion.explanationEn}
                </Typography.Text>
                {suggestion.target && suggestion.target !== row.line.target && (
                  <Button
                    size="small"
                    type="link"
                    style={{ padding: 0 }}
                    onClick={() => setLine(row.index, { target: suggestion.target })}
                    data-testid={`take-suggestion-${row.index}`}
                  >
                    {t('libraryPage.takeSuggestion', { target: suggestion.target })}
                  </Button>
                )}
              </Space>
            );
          },
        },
        text('targetText', 140),
        text('unit', 80),
        {
          title: t('declaration.basis'),
          width: 130,
          render: (_, { line, index }) =>
            select(
              line.basis,
              TARGET_BASIS,
              (option) => t(`declaration.basis.${option}`),
              (basis) => setLine(index, { basis }),
              `line-${index}-basis`,
            ),
        },
        text('basisText', 160),
        text('dataSource', 140),
        text('method', 140),
        text('evidence', 140),
        text('lastYearActual', 100),
        {
          title: t('declaration.core'),
          width: 70,
          render: (_, { line, index }) => (
            <Checkbox
              disabled={!editable}
              checked={line.core ?? false}
              onChange={(event) => setLine(index, { core: event.target.checked })}
            />
          ),
        },
        text('scoringRule', 180),
        text('weight', 80),
        {
          title: t('declaration.goal'),
          width: 160,
          render: (_, { line, index }) =>
            editable ? (
              <Select
                allowClear
                style={{ width: '100%' }}
                value={line.goalId ?? undefined}
                onChange={(goalId) => setLine(index, { goalId: goalId ?? null })}
                options={draft.annualGoals.flatMap((goal) => (goal.id ? [{ value: goal.id, label: goal.text }] : []))}
              />
            ) : (
              (draft.annualGoals.find((goal) => goal.id === line.goalId)?.text ?? '')
            ),
        },
        {
          title: t('declaration.opinions'),
          width: 260,
          render: (_, { line }) => {
            const shown = (line.id ? saved.get(line.id)?.opinions : undefined) ?? [];
            return (
              <Space direction="vertical" style={{ width: '100%' }} data-testid={`line-opinions-${line.name}`}>
                {shown.map((opinion) => (
                  <Typography.Text key={`${opinion.stage}-${opinion.at}`} type={opinion.verdict === 'fail' ? 'danger' : 'secondary'}>
                    {`${opinion.actorName}${opinion.verdictLabel ? `【${opinion.verdictLabel}】` : ''}${opinion.text ? `：${opinion.text}` : ''}`}
                  </Typography.Text>
                ))}
                {reviewing && line.id && (
                  <>
                    {detail.permissions.opinionPerIndicator && (
                      <Select<Verdict>
                        style={{ width: '100%' }}
                        placeholder={t('declaration.verdict')}
                        value={opinions[line.id]?.verdict}
                        onChange={(verdict) => line.id && setOpinion(line.id, { verdict })}
                        options={VERDICT.map((verdict) => ({ value: verdict, label: t(`declaration.verdict.${verdict}`) }))}
                        data-testid={`verdict-${line.name}`}
                      />
                    )}
                    <Input
                      placeholder={t('declaration.opinions')}
                      value={opinions[line.id]?.text ?? ''}
                      onChange={(event) => line.id && setOpinion(line.id, { text: event.target.value })}
                      data-testid={`opinion-${line.name}`}
                    />
                  </>
                )}
              </Space>
            );
          },
        },
        ...(editable
          ? [
              {
                title: '',
                width: 50,
                render: (_: unknown, { index }: { index: number }) => <Button icon={<DeleteOutlined />} onClick={() => remove(index)} />,
              },
            ]
          : []),
      ]}
    />
  );
}
