import type { Asset, StocktakeDetail } from '@jixiao/contract';
import { Alert, Button, DatePicker, Drawer, Form, Grid, Input, Skeleton, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { changesOf } from '../../../api/control-cache.ts';
import { useStocktake } from '../../../api/control-queries.ts';
import { assetApi } from '../../../api/endpoints.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { useSave } from '../../../components/use-save.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { chinaToday, formatDate } from '../../../lib/dates.ts';

interface CountLine {
  found: boolean;
  locationFound: string;
  difference: string;
}

/**
 * 资产盘点 by the 资产管理员: every card in use, found or not, where it was found and any other
 * difference. The server states 未找到 / 存放地点不符 itself when no difference is written.
 */
export function CreateStocktakeDrawer({
  open,
  organisationId,
  assets,
  onClose,
}: {
  open: boolean;
  organisationId: string;
  assets: readonly Asset[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const { save, saving } = useSave(changesOf.stocktake());
  const counted = assets.filter((asset) => asset.status !== 'disposed');
  const [takenOn, setTakenOn] = useState<Dayjs>(dayjs(chinaToday()));
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<Record<string, CountLine>>({});

  useEffect(() => {
    if (!open) return;
    setTakenOn(dayjs(chinaToday()));
    setNote('');
    setLines({});
  }, [open]);

  const lineOf = (id: string): CountLine => lines[id] ?? { found: true, locationFound: '', difference: '' };
  const update = (id: string, patch: Partial<CountLine>) => setLines((current) => ({ ...current, [id]: { ...lineOf(id), ...patch } }));
  const differences = counted.filter((asset) => {
    const line = lineOf(asset.id);
    return (
      !line.found || (line.locationFound.trim() !== '' && line.locationFound.trim() !== asset.location) || line.difference.trim() !== ''
    );
  }).length;

  const submit = async () => {
    const ok = await save(
      () =>
        assetApi.createStocktake({
          organisationId,
          takenOn: takenOn.format('YYYY-MM-DD'),
          note: note.trim() || null,
          lines: counted.map((asset) => {
            const line = lineOf(asset.id);
            return {
              assetId: asset.id,
              found: line.found,
              locationFound: line.locationFound.trim() || null,
              difference: line.difference.trim() || null,
            };
          }),
        }),
      { success: t('stocktake.created', { count: differences }) },
    );
    if (ok) onClose();
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md ? 900 : '100%'}
      title={t('stocktake.create')}
      extra={
        <Button
          type="primary"
          loading={saving}
          disabled={counted.length === 0}
          onClick={() => void submit()}
          data-testid="stocktake-submit"
        >
          {t('common.save')}
        </Button>
      }
    >
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('stocktake.takenOn')}>
          <DatePicker
            value={takenOn}
            allowClear={false}
            onChange={(value) => value && setTakenOn(value)}
            disabledDate={(date) => date.format('YYYY-MM-DD') > chinaToday()}
          />
        </Form.Item>
        <Form.Item label={t('stocktake.note')} style={{ flex: 1, minWidth: 220 }}>
          <Input value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} />
        </Form.Item>
      </Form>
      {differences > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('stocktake.differencesSoFar', { count: differences })} />
      )}
      <Table<Asset>
        size="small"
        rowKey="id"
        dataSource={counted}
        pagination={false}
        scroll={{ x: 860 }}
        columns={[
          {
            title: t('asset.name'),
            key: 'name',
            render: (_value, asset) => (
              <>
                {asset.name}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {asset.code}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          { title: t('stocktake.bookLocation'), dataIndex: 'location', width: 200 },
          {
            title: t('stocktake.found'),
            key: 'found',
            width: 80,
            render: (_value, asset) => <Switch checked={lineOf(asset.id).found} onChange={(found) => update(asset.id, { found })} />,
          },
          {
            title: t('stocktake.locationFound'),
            key: 'locationFound',
            width: 200,
            render: (_value, asset) => (
              <Input
                size="small"
                placeholder={asset.location}
                value={lineOf(asset.id).locationFound}
                disabled={!lineOf(asset.id).found}
                onChange={(event) => update(asset.id, { locationFound: event.target.value })}
              />
            ),
          },
          {
            title: t('stocktake.difference'),
            key: 'difference',
            width: 200,
            render: (_value, asset) => (
              <Input
                size="small"
                value={lineOf(asset.id).difference}
                onChange={(event) => update(asset.id, { difference: event.target.value })}
              />
            ),
          },
        ]}
      />
    </Drawer>
  );
}

type StocktakeLine = StocktakeDetail['lines'][number];

/** One 盘点 with each card's result; the differences come first. */
export function StocktakeDrawer({ stocktakeId, onClose }: { stocktakeId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const detail = useStocktake(stocktakeId);
  const stocktake = detail.data;
  const lines = stocktake ? [...stocktake.lines].sort((a, b) => Number(b.difference !== null) - Number(a.difference !== null)) : [];
  return (
    <Drawer
      open={stocktakeId !== null}
      onClose={onClose}
      size={screens.md ? 820 : '100%'}
      title={stocktake ? t('stocktake.title', { date: formatDate(stocktake.takenOn) }) : t('asset.stocktakes')}
      data-testid="stocktake-drawer"
    >
      {detail.error && <ApiErrorAlert error={detail.error} onRetry={detail.refetch} />}
      {!stocktake && !detail.error && <Skeleton active />}
      {stocktake && (
        <>
          <Typography.Paragraph>
            {stocktake.performedByName} · {t('stocktake.summary', { count: stocktake.lineCount, differences: stocktake.differenceCount })}
            {stocktake.note && ` · ${stocktake.note}`}
          </Typography.Paragraph>
          <Table<StocktakeLine>
            size="small"
            rowKey="assetId"
            dataSource={lines}
            pagination={false}
            scroll={{ x: 700 }}
            rowClassName={(line) => (line.difference ? 'control-difference-row' : '')}
            columns={[
              { title: t('asset.code'), dataIndex: 'assetCode', width: 120 },
              { title: t('asset.name'), dataIndex: 'assetName' },
              { title: t('stocktake.bookLocation'), dataIndex: 'bookLocation', width: 180 },
              {
                title: t('stocktake.found'),
                dataIndex: 'found',
                width: 70,
                render: (found: boolean) =>
                  found ? <Tag color="success">{t('stocktake.yes')}</Tag> : <Tag color="error">{t('stocktake.no')}</Tag>,
              },
              {
                title: t('stocktake.difference'),
                dataIndex: 'difference',
                width: 220,
                render: (value: string | null) => (value ? <Typography.Text type="danger">{value}</Typography.Text> : '—'),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
