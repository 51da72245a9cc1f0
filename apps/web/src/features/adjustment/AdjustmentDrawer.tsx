import { PlusOutlined } from '@ant-design/icons';
import { type AdjustmentChangeInput, type AdjustmentDetail, DIRECTION, INDICATOR_NATURE, LEVEL1, LEVEL2_OF } from '@jixiao/contract';
import { Alert, Button, Descriptions, Drawer, Flex, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useAdjustment, useAdjustmentWrites } from '../../api/adjustment-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { AdjustmentStatusTag } from './AdjustmentStatusTag.tsx';
import { changeOfLine, changesOf, valueText } from './adjustment-form.ts';

type Added = AdjustmentChangeInput & { kind: 'add'; indicator: NonNullable<AdjustmentChangeInput['indicator']> };
type Line = AdjustmentDetail['indicators'][number];

/** One request: the changes (调整前 / 调整后 side by side, edited while the unit holds it), the server's checks, the history and the steps permitted. */
export function AdjustmentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const query = useAdjustment(id);
  const writes = useAdjustmentWrites();
  const { write, saving } = useWrite();
  const item = query.data;
  const [changes, setChanges] = useState<AdjustmentChangeInput[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [opinion, setOpinion] = useState('');
  useEffect(() => {
    if (item) setChanges(changesOf(item));
  }, [item]);
  const editable = item?.permissions.edit ?? false;

  const setChange = (index: number, change: AdjustmentChangeInput | null) =>
    setChanges((current) =>
      change ? current.map((entry, at) => (at === index ? change : entry)) : current.filter((_, at) => at !== index),
    );
  const chooseKind = (line: Line, kind: 'none' | 'target' | 'drop') => {
    const index = changeOfLine(changes, line.id);
    const reason = index >= 0 ? (changes[index]?.reason ?? '') : '';
    const next: AdjustmentChangeInput | null =
      kind === 'none'
        ? null
        : kind === 'drop'
          ? { kind: 'drop', indicatorId: line.id, reason }
          : { kind: 'target', indicatorId: line.id, target: line.target, targetText: line.targetText, reason };
    if (index >= 0) setChange(index, next);
    else if (next) setChanges([...changes, next]);
  };
  const addLine = () =>
    setChanges([
      ...changes,
      { kind: 'add', reason: '', indicator: { level1: 'output', level2: 'quantity', name: '', nature: 'quantitative', direction: '>=' } },
    ]);

  const save = () => item && write(() => writes.save.mutateAsync({ id: item.id, body: { version: item.version, changes } }));
  const submit = () =>
    item &&
    Modal.confirm({
      title: t('targetAdjustment.submit'),
      content: t('targetAdjustment.confirmSubmit'),
      onOk: () => write(() => writes.submit.mutateAsync({ id: item.id, body: { version: item.version, reasons } })),
    });
  const decide = (action: 'approve' | 'return' | 'reject') => {
    if (!item) return;
    if (action !== 'approve' && !opinion.trim()) {
      Modal.warning({ title: t(`targetAdjustment.${action}`), content: t('targetAdjustment.opinionRequired') });
      return;
    }
    Modal.confirm({
      title: t(`targetAdjustment.${action}`),
      content: t(`targetAdjustment.confirm.${action}`),
      onOk: () =>
        write(() => writes.decide.mutateAsync({ id: item.id, body: { version: item.version, action, opinion } })).then(
          (ok) => ok && setOpinion(''),
        ),
    });
  };

  const lineColumns = [
    {
      title: t('targetAdjustment.indicator'),
      dataIndex: 'name',
      render: (name: string, line: Line) => `${t(`level2.${line.level2}`)} · ${name}`,
    },
    {
      title: t('targetAdjustment.before'),
      key: 'before',
      width: 150,
      render: (_: unknown, line: Line) => (
        <Space orientation="vertical" size={0}>
          <span>{valueText(line, line.unit)}</span>
          {line.originalTarget && (
            <Typography.Text type="secondary">
              {t('targetAdjustment.originalOf', { value: valueText(line.originalTarget, line.unit) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('targetAdjustment.change'),
      key: 'kind',
      width: 130,
      render: (_: unknown, line: Line) => {
        const change = changes[changeOfLine(changes, line.id)];
        return (
          <Select
            size="small"
            style={{ width: 120 }}
            value={change?.kind === 'target' || change?.kind === 'drop' ? change.kind : 'none'}
            disabled={!editable}
            onChange={(kind: 'none' | 'target' | 'drop') => chooseKind(line, kind)}
            options={(['none', 'target', 'drop'] as const).map((kind) => ({ value: kind, label: t(`targetAdjustment.kind.${kind}`) }))}
            data-testid={`adjustment-kind-${line.name}`}
          />
        );
      },
    },
    {
      title: t('targetAdjustment.after'),
      key: 'after',
      width: 170,
      render: (_: unknown, line: Line) => {
        const index = changeOfLine(changes, line.id);
        const change = changes[index];
        if (change?.kind !== 'target') return change?.kind === 'drop' ? <Tag color="red">{t('targetAdjustment.kind.drop')}</Tag> : null;
        if (!editable) return valueText({ target: change.target ?? null, targetText: change.targetText ?? null }, line.unit);
        return (
          <Space orientation="vertical" size={4}>
            {line.nature === 'quantitative' && (
              <Input
                size="small"
                value={change.target ?? ''}
                suffix={line.unit ?? undefined}
                onChange={(event) => setChange(index, { ...change, target: event.target.value.trim() || null })}
                data-testid={`adjustment-target-${line.name}`}
              />
            )}
            <Input
              size="small"
              placeholder={t('targetAdjustment.targetText')}
              value={change.targetText ?? ''}
              onChange={(event) => setChange(index, { ...change, targetText: event.target.value || null })}
            />
          </Space>
        );
      },
    },
    {
      title: t('targetAdjustment.reason'),
      key: 'reason',
      render: (_: unknown, line: Line) => {
        const index = changeOfLine(changes, line.id);
        const change = changes[index];
        if (!change) return null;
        return editable ? (
          <ReasonAndEvidence change={change} onChange={(next) => setChange(index, next)} />
        ) : (
          <ShownReason change={change} />
        );
      },
    },
  ];

  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={item?.declarationTitle ?? t('targetAdjustment.title')} destroyOnHidden>
      {query.error && <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {item && (
        <Flex vertical gap={16} data-testid="adjustment-detail">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('targetAdjustment.declaration')}>
              <Link to={`/declarations/${item.declarationId}`}>{item.declarationTitle}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('targetAdjustment.unit')}>{item.organisationName}</Descriptions.Item>
            <Descriptions.Item label={t('targetAdjustment.status')}>
              <AdjustmentStatusTag status={item.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('targetAdjustment.baseVersion')}>
              {t('targetAdjustment.versionOf', { number: item.baseVersion })}
              {item.resultVersion !== null && ` → ${t('targetAdjustment.versionOf', { number: item.resultVersion })}`}
            </Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('targetAdjustment.changes')}
          </Typography.Title>
          <Table<Line> rowKey="id" size="small" pagination={false} dataSource={item.indicators} columns={lineColumns} scroll={{ x: 800 }} />
          {changes.map((change, index) =>
            change.kind === 'add' && change.indicator ? (
              <AddedLine
                // biome-ignore lint/suspicious/noArrayIndexKey: an added line has no id until the server keeps it; lines leave only by their own remove button
                key={`add-${index}`}
                change={{ ...change, kind: 'add', indicator: change.indicator }}
                editable={editable}
                onChange={(next) => setChange(index, next)}
                onRemove={() => setChange(index, null)}
              />
            ) : null,
          )}
          {editable && (
            <Space>
              <Button icon={<PlusOutlined />} onClick={addLine} data-testid="adjustment-add-line">
                {t('targetAdjustment.addLine')}
              </Button>
              <Button type="primary" loading={saving} onClick={() => void save()} data-testid="adjustment-save">
                {t('targetAdjustment.save')}
              </Button>
            </Space>
          )}

          {item.problems.length + item.findings.length > 0 && (
            <Flex vertical gap={8} data-testid="adjustment-checks">
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('targetAdjustment.checks')}
              </Typography.Title>
              {item.problems.map((problem) => (
                <Alert key={problem.message} type="error" showIcon message={problem.message} />
              ))}
              {item.findings.map((finding) => (
                <Alert
                  key={finding.key}
                  type={finding.severity === 'error' ? 'error' : 'warning'}
                  showIcon
                  message={finding.message}
                  description={
                    finding.severity === 'warning' &&
                    (finding.reason ? (
                      t('targetAdjustment.reasonKept', { reason: finding.reason })
                    ) : item.permissions.submit ? (
                      <Input
                        size="small"
                        placeholder={t('targetAdjustment.warningReason')}
                        value={reasons[finding.key] ?? ''}
                        onChange={(event) => setReasons({ ...reasons, [finding.key]: event.target.value })}
                      />
                    ) : null)
                  }
                />
              ))}
            </Flex>
          )}
          {item.permissions.submit && (
            <Button type="primary" loading={saving} onClick={submit} style={{ alignSelf: 'flex-start' }} data-testid="adjustment-submit">
              {t('targetAdjustment.submit')}
            </Button>
          )}

          {item.permissions.refusal && <Typography.Text type="warning">{item.permissions.refusal}</Typography.Text>}
          {(item.permissions.approve || item.permissions.return || item.permissions.reject) && (
            <Flex vertical gap={8} data-testid="adjustment-review">
              <Typography.Text>{t('targetAdjustment.opinion')}</Typography.Text>
              <Input.TextArea rows={3} value={opinion} onChange={(event) => setOpinion(event.target.value)} maxLength={2000} />
              <Space>
                {item.permissions.approve && (
                  <Button type="primary" loading={saving} onClick={() => decide('approve')} data-testid="adjustment-approve">
                    {t('targetAdjustment.approve')}
                  </Button>
                )}
                {item.permissions.return && (
                  <Button loading={saving} onClick={() => decide('return')} data-testid="adjustment-return">
                    {t('targetAdjustment.return')}
                  </Button>
                )}
                {item.permissions.reject && (
                  <Button danger loading={saving} onClick={() => decide('reject')} data-testid="adjustment-reject">
                    {t('targetAdjustment.reject')}
                  </Button>
                )}
              </Space>
            </Flex>
          )}

          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('targetAdjustment.history')}
          </Typography.Title>
          <Timeline
            items={item.steps.map((step, index) => ({
              key: `${step.at}-${index}`,
              color: step.toStatus === 'approved' ? 'green' : step.action === 'return' || step.action === 'reject' ? 'red' : 'blue',
              title: formatDateTime(step.at),
              content: (
                <div>
                  <Typography.Text strong>{step.actionLabel}</Typography.Text>
                  <Typography.Text type="secondary"> · {step.actorName}</Typography.Text>
                  {step.opinion && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{step.opinion}</Typography.Paragraph>}
                </div>
              ),
            }))}
          />
        </Flex>
      )}
    </Drawer>
  );
}

/** The reason (required) and one piece of evidence, described, with a link where it can be read. */
function ReasonAndEvidence({ change, onChange }: { change: AdjustmentChangeInput; onChange: (next: AdjustmentChangeInput) => void }) {
  const { t } = useI18n();
  const evidence = change.evidence?.[0];
  const setEvidence = (description: string, link: string) =>
    onChange({ ...change, evidence: description.trim() ? [{ description, ...(link.trim() ? { link: link.trim() } : {}) }] : [] });
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Input.TextArea
        rows={2}
        placeholder={t('targetAdjustment.reasonPlaceholder')}
        value={change.reason}
        onChange={(event) => onChange({ ...change, reason: event.target.value })}
        data-testid="adjustment-reason"
      />
      <Input
        size="small"
        placeholder={t('targetAdjustment.evidence')}
        value={evidence?.description ?? ''}
        onChange={(event) => setEvidence(event.target.value, evidence?.link ?? '')}
      />
      <Input
        size="small"
        placeholder={t('targetAdjustment.evidenceLink')}
        value={evidence?.link ?? ''}
        onChange={(event) => setEvidence(evidence?.description ?? '', event.target.value)}
      />
    </Space>
  );
}

function ShownReason({ change }: { change: AdjustmentChangeInput }) {
  return (
    <Space orientation="vertical" size={0}>
      <span className="wrap-text">{change.reason}</span>
      {(change.evidence ?? []).map((entry) =>
        entry.link ? (
          <a key={entry.description} href={entry.link} target="_blank" rel="noreferrer noopener">
            {entry.description}
          </a>
        ) : (
          <Typography.Text key={entry.description} type="secondary">
            {entry.description}
          </Typography.Text>
        ),
      )}
    </Space>
  );
}

/** A line added by the request, with the declaration's fields that matter at year end. */
function AddedLine({
  change,
  editable,
  onChange,
  onRemove,
}: {
  change: Added;
  editable: boolean;
  onChange: (next: Added) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const line = change.indicator;
  const set = (patch: Partial<Added['indicator']>) => onChange({ ...change, indicator: { ...line, ...patch } });
  if (!editable)
    return (
      <Alert
        type="info"
        message={`${t('targetAdjustment.kind.add')}：${t(`level2.${line.level2}`)} · ${line.name} ${valueText({ target: line.target ?? null, targetText: line.targetText ?? null }, line.unit ?? null)}`}
        description={<ShownReason change={change} />}
      />
    );
  return (
    <Flex vertical gap={6} style={{ border: '1px dashed #d9d9d9', padding: 8, borderRadius: 6 }} data-testid="adjustment-added">
      <Space wrap>
        <Tag color="green">{t('targetAdjustment.kind.add')}</Tag>
        <Select
          size="small"
          style={{ width: 120 }}
          value={line.level1}
          onChange={(level1: (typeof LEVEL1)[number]) => set({ level1, level2: LEVEL2_OF[level1][0] })}
          options={LEVEL1.map((level1) => ({ value: level1, label: t(`level1.${level1}`) }))}
        />
        <Select
          size="small"
          style={{ width: 140 }}
          value={line.level2}
          onChange={(level2: Added['indicator']['level2']) => set({ level2 })}
          options={LEVEL2_OF[line.level1].map((level2) => ({ value: level2, label: t(`level2.${level2}`) }))}
        />
        <Input
          size="small"
          style={{ width: 200 }}
          placeholder={t('targetAdjustment.indicator')}
          value={line.name}
          onChange={(event) => set({ name: event.target.value })}
        />
        <Select
          size="small"
          style={{ width: 90 }}
          value={line.nature}
          onChange={(nature: Added['indicator']['nature']) => set({ nature, direction: nature === 'qualitative' ? 'qualitative' : '>=' })}
          options={INDICATOR_NATURE.map((nature) => ({ value: nature, label: t(`targetAdjustment.nature.${nature}`) }))}
        />
        <Select
          size="small"
          style={{ width: 80 }}
          value={line.direction}
          onChange={(direction: Added['indicator']['direction']) => set({ direction })}
          options={DIRECTION.map((direction) => ({ value: direction, label: t(`direction.${direction}`) }))}
        />
        {line.nature === 'quantitative' && (
          <Input
            size="small"
            style={{ width: 100 }}
            placeholder={t('targetAdjustment.target')}
            value={line.target ?? ''}
            onChange={(event) => set({ target: event.target.value.trim() || null })}
          />
        )}
        <Input
          size="small"
          style={{ width: 140 }}
          placeholder={t('targetAdjustment.targetText')}
          value={line.targetText ?? ''}
          onChange={(event) => set({ targetText: event.target.value || null })}
        />
        <Input
          size="small"
          style={{ width: 80 }}
          placeholder={t('targetAdjustment.unitOfMeasure')}
          value={line.unit ?? ''}
          onChange={(event) => set({ unit: event.target.value || null })}
        />
        <Input
          size="small"
          style={{ width: 80 }}
          placeholder={t('targetAdjustment.weight')}
          value={line.weight ?? ''}
          onChange={(event) => set({ weight: event.target.value.trim() || null })}
        />
        <Button size="small" onClick={onRemove}>
          ×
        </Button>
      </Space>
      <ReasonAndEvidence change={change} onChange={(next) => onChange(next as Added)} />
    </Flex>
  );
}
