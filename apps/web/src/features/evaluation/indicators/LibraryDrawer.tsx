import { PlusOutlined } from '@ant-design/icons';
import { DIRECTION, LEVEL2, LEVEL2_OF, PROJECT_CATEGORIES } from '@jixiao/contract';
import { Button, Drawer, Grid, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useLibrary } from '../../../api/evaluation-queries.ts';
import type { Level2, LibraryEntry } from '../../../api/types.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { isOneOf } from '../../../lib/one-of.ts';
import type { IndicatorDraft } from './indicator-form.ts';

interface Props {
  readonly open: boolean;
  /** The project's category (购置, 培训 …); all categories for a department-wide evaluation. */
  readonly category: string | null;
  readonly onClose: () => void;
  readonly onPick: (draft: IndicatorDraft, hint: string | null) => void;
}

/** The library entry as a new indicator to complete (the target is the user's to set). */
function draftFrom(entry: LibraryEntry): IndicatorDraft {
  const level2: Level2 = isOneOf(LEVEL2_OF[entry.level1], entry.level2) ? entry.level2 : (LEVEL2_OF[entry.level1][0] ?? 'quantity');
  return {
    level1: entry.level1,
    level2,
    name: entry.name,
    direction: isOneOf(DIRECTION, entry.direction) ? entry.direction : 'qualitative',
    unit: entry.unit,
  };
}

/** 指标库: common indicators for the project's category, to start an indicator from. */
export function LibraryDrawer({ open, category, onClose, onPick }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [chosen, setChosen] = useState<string | null>(category);
  const library = useLibrary(chosen, open);

  return (
    <Drawer open={open} onClose={onClose} size={screens.md ? 720 : '100%'} title={t('library.title')}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{t('library.category')}</Typography.Text>
        <Select<string>
          allowClear
          style={{ width: 160 }}
          value={chosen ?? undefined}
          placeholder={t('library.allCategories')}
          onChange={(value) => setChosen(value ?? null)}
          options={PROJECT_CATEGORIES.map((value) => ({ value, label: value }))}
        />
      </Space>
      {library.error ? (
        <ApiErrorAlert error={library.error} onRetry={() => void library.refetch()} />
      ) : (
        <Table<LibraryEntry>
          rowKey="id"
          size="small"
          loading={library.isLoading}
          dataSource={library.data?.items ?? []}
          pagination={false}
          scroll={{ x: 600 }}
          data-testid="library-list"
          columns={[
            { title: t('library.category'), dataIndex: 'category', width: 70 },
            {
              title: t('indicator.level'),
              key: 'level',
              width: 150,
              render: (_value, entry) =>
                `${t(`level1.${entry.level1}`)} / ${isOneOf(LEVEL2, entry.level2) ? t(`level2.${entry.level2}`) : entry.level2}`,
            },
            {
              title: t('indicator.name'),
              dataIndex: 'name',
              render: (name: string, entry) => (
                <Space orientation="vertical" size={0}>
                  <span>{name}</span>
                  {entry.description && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {entry.description}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: t('library.targetHint'), dataIndex: 'targetHint', width: 130, render: (hint: string | null) => hint ?? '—' },
            {
              title: '',
              key: 'pick',
              width: 80,
              render: (_value, entry) => (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => onPick(draftFrom(entry), entry.targetHint ? t('library.hint', { hint: entry.targetHint }) : null)}
                >
                  {t('library.use')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
