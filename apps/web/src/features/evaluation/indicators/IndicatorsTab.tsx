import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Row, Space, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useEvaluationWrites } from '../../../api/evaluation-queries.ts';
import type { Indicator, ScoredItem } from '../../../api/types.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { useWrite } from '../../../components/use-write.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { TabProps } from '../tab-props.ts';
import { FindingsPanel } from './FindingsPanel.tsx';
import { IndicatorDrawer, type IndicatorEditing } from './IndicatorDrawer.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import type { IndicatorDraft } from './indicator-form.ts';
import { LibraryDrawer } from './LibraryDrawer.tsx';

type Editing = { mode: 'edit'; id: string } | { mode: 'create'; draft: IndicatorDraft; hint: string | null };

const BLANK: IndicatorDraft = { level1: 'output', level2: 'quantity', name: '', direction: '>=' };

/** 绩效指标: the indicator tree, the editor, the 指标库 and the live 质量检查 beside it. */
export function IndicatorsTab({ evaluation, score }: TabProps) {
  const { t } = useI18n();
  const { write } = useWrite();
  const { deleteIndicator } = useEvaluationWrites(evaluation.id);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const canEdit = evaluation.permissions.edit;

  // The scorer (and its findings) name an indicator by its code, not by its database id.
  const scored = useMemo(() => {
    const items = new Map<string, ScoredItem>();
    for (const item of score.data?.items ?? []) if (item.kind === 'indicator') items.set(item.id, item);
    return items;
  }, [score.data]);
  const openCode = (code: string) => {
    const indicator = evaluation.indicators.find((entry) => entry.code === code);
    if (indicator) setEditing({ mode: 'edit', id: indicator.id });
  };

  // The editor shows the stored indicator from the cache, so a save (its answer has the new version) refreshes it.
  const drawerEditing = useMemo<IndicatorEditing | null>(() => {
    if (!editing) return null;
    if (editing.mode === 'create') return { mode: 'create', draft: editing.draft, hint: editing.hint };
    const indicator = evaluation.indicators.find((entry) => entry.id === editing.id);
    return indicator ? { mode: 'edit', indicator } : null;
  }, [editing, evaluation.indicators]);

  const findings = score.data?.findings ?? [];
  const problems = findings.filter((finding) => finding.severity !== 'info').length;
  const open = (indicator: Indicator) => setEditing({ mode: 'edit', id: indicator.id });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={17}>
        {canEdit && (
          <Space style={{ marginBottom: 12 }} wrap>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ mode: 'create', draft: BLANK, hint: null })}
              data-testid="indicator-add"
            >
              {t('indicator.add')}
            </Button>
            <Button icon={<BookOutlined />} onClick={() => setLibraryOpen(true)} data-testid="library-open">
              {t('library.title')}
            </Button>
          </Space>
        )}
        <IndicatorTable
          indicators={evaluation.indicators}
          scored={scored}
          canEdit={canEdit}
          onOpen={open}
          onDelete={(indicator) => void write(() => deleteIndicator.mutateAsync(indicator), { success: t('common.deleted') })}
        />
      </Col>
      <Col xs={24} xxl={7}>
        <Card
          size="small"
          title={
            <Space>
              {t('findings.title')}
              <Badge count={problems} color={findings.some((finding) => finding.severity === 'error') ? '#cf1322' : '#d48806'} />
            </Space>
          }
          extra={score.isFetching ? <Spin size="small" /> : null}
        >
          {score.error ? (
            <ApiErrorAlert error={score.error} onRetry={() => void score.refetch()} />
          ) : (
            <FindingsPanel findings={findings} onOpen={openCode} />
          )}
        </Card>
      </Col>
      <IndicatorDrawer
        evaluation={evaluation}
        editing={drawerEditing}
        scored={drawerEditing?.mode === 'edit' ? scored.get(drawerEditing.indicator.code) : undefined}
        onClose={() => setEditing(null)}
      />
      <LibraryDrawer
        open={libraryOpen}
        category={evaluation.category}
        onClose={() => setLibraryOpen(false)}
        onPick={(draft, hint) => {
          setLibraryOpen(false);
          setEditing({ mode: 'create', draft, hint });
        }}
      />
    </Row>
  );
}
