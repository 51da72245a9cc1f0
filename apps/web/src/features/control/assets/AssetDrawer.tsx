import { type AssetDetail, DISPOSAL_METHODS, type DisposalMethod } from '@jixiao/contract';
import { Button, Card, Col, Descriptions, Drawer, Form, Grid, Input, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useUsers } from '../../../api/admin-queries.ts';
import { changesOf } from '../../../api/control-cache.ts';
import { useAsset } from '../../../api/control-queries.ts';
import { assetApi } from '../../../api/endpoints.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { ControlViolations } from '../../../components/ControlViolations.tsx';
import { Money } from '../../../components/Money.tsx';
import { useControlAction } from '../../../components/use-control-action.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDate, formatDateTime } from '../../../lib/dates.ts';
import { ControlStatusTag } from '../shared/ControlStatusTag.tsx';
import { disposalMethodLabel } from '../shared/labels.ts';

type Disposal = AssetDetail['disposals'][number];
type Count = AssetDetail['stocktakes'][number];

/**
 * 资产卡片: custody and location (changed by the 资产管理员, never to the person who accepted the
 * goods), the stocktakes that found it, and 处置 requested by the manager or custodian and decided by
 * someone else (审批人 or 部门负责人).
 */
export function AssetDrawer({ assetId, onClose }: { assetId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const detail = useAsset(assetId);
  const asset = detail.data;
  const action = useControlAction(changesOf.asset(assetId ?? ''));
  const canUpdate = asset?.permissions.update ?? false;
  const canDecide = asset?.permissions.decideDisposal ?? false;
  const canRequestDisposal = asset?.permissions.requestDisposal ?? false;
  const users = useUsers(canUpdate);
  const [custodianId, setCustodianId] = useState<string | undefined>();
  const [location, setLocation] = useState('');
  const [method, setMethod] = useState<DisposalMethod>('报废');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const { clearViolations } = action;

  useEffect(() => {
    if (!assetId) return;
    clearViolations();
    setCustodianId(undefined);
    setLocation('');
    setReason('');
    setComment('');
  }, [assetId, clearViolations]);

  const decide = (disposal: Disposal, approve: boolean) =>
    asset &&
    void action.run(
      approve ? 'approve' : 'reject',
      () => assetApi.decideDisposal(asset.id, disposal.id, { version: asset.version, approve, comment: comment.trim() || null }),
      { success: approve ? t('asset.disposalApproved') : t('asset.disposalRejected') },
    );

  return (
    <Drawer
      open={assetId !== null}
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      title={
        asset ? (
          <Space wrap>
            <span>{asset.name}</span>
            <ControlStatusTag status={asset.status} label={t(`assetStatus.${asset.status}`)} />
          </Space>
        ) : (
          t('nav.controlAssets')
        )
      }
      data-testid="asset-drawer"
    >
      {detail.error && <ApiErrorAlert error={detail.error} onRetry={detail.refetch} />}
      {!asset && !detail.error && <Skeleton active />}
      {asset && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <ControlViolations violations={action.violations} />
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'code', label: t('asset.code'), children: asset.code },
              { key: 'category', label: t('asset.category'), children: asset.category },
              { key: 'value', label: t('asset.value'), children: <Money value={asset.value} /> },
              { key: 'acquired', label: t('asset.acquiredOn'), children: formatDate(asset.acquiredOn) },
              { key: 'custodian', label: t('contract.custodian'), children: asset.custodianName },
              { key: 'location', label: t('asset.location'), children: asset.location },
              { key: 'contract', label: t('contract.code'), children: asset.contractCode ?? '—' },
              { key: 'org', label: t('line.organisation'), children: asset.organisationName },
            ]}
          />
          {canUpdate && (
            <Card size="small" title={t('asset.changeTitle')}>
              <Row gutter={8}>
                <Col xs={24} sm={10}>
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: '100%' }}
                    placeholder={t('asset.newCustodian')}
                    value={custodianId}
                    onChange={setCustodianId}
                    loading={users.isFetching}
                    options={(users.data?.items ?? [])
                      .filter((user) => user.id !== asset.custodianId)
                      .map((user) => ({ value: user.id, label: `${user.displayName}${t('common.paren', { text: user.username })}` }))}
                    data-testid="asset-custodian"
                  />
                </Col>
                <Col xs={24} sm={10}>
                  <Input
                    placeholder={t('asset.newLocation')}
                    value={location}
                    maxLength={200}
                    onChange={(event) => setLocation(event.target.value)}
                    data-testid="asset-location"
                  />
                </Col>
                <Col xs={24} sm={4}>
                  <Button
                    block
                    type="primary"
                    disabled={!custodianId && location.trim() === ''}
                    loading={action.busy === 'update'}
                    onClick={() =>
                      void action.run('update', () =>
                        assetApi.update(asset.id, { version: asset.version, custodianId, location: location.trim() || undefined }),
                      )
                    }
                    data-testid="asset-update"
                  >
                    {t('common.save')}
                  </Button>
                </Col>
              </Row>
            </Card>
          )}
          {canRequestDisposal && (
            <Card size="small" title={t('asset.disposalTitle')}>
              <Form layout="vertical">
                <Row gutter={8}>
                  <Col xs={24} sm={6}>
                    <Form.Item label={t('asset.disposalMethod')} style={{ marginBottom: 8 }}>
                      <Select
                        value={method}
                        onChange={setMethod}
                        options={DISPOSAL_METHODS.map((value) => ({ value, label: disposalMethodLabel(t, value) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={18}>
                    <Form.Item label={t('asset.disposalReason')} style={{ marginBottom: 8 }}>
                      <Input
                        value={reason}
                        maxLength={500}
                        onChange={(event) => setReason(event.target.value)}
                        data-testid="asset-disposal-reason"
                      />
                    </Form.Item>
                  </Col>
                </Row>
                <Button
                  disabled={reason.trim() === ''}
                  loading={action.busy === 'dispose'}
                  onClick={() =>
                    void action.run(
                      'dispose',
                      () => assetApi.requestDisposal(asset.id, { version: asset.version, method, reason: reason.trim() }),
                      {
                        success: t('asset.disposalRequested'),
                      },
                    )
                  }
                  data-testid="asset-disposal-request"
                >
                  {t('asset.requestDisposal')}
                </Button>
              </Form>
            </Card>
          )}
          <Typography.Text strong>{t('asset.disposals')}</Typography.Text>
          <Table<Disposal>
            size="small"
            rowKey="id"
            dataSource={[...asset.disposals]}
            pagination={false}
            scroll={{ x: 700 }}
            locale={{ emptyText: t('asset.noDisposals') }}
            columns={[
              { title: t('adjustment.requestedAt'), dataIndex: 'requestedAt', width: 140, render: formatDateTime },
              { title: t('adjustment.requestedBy'), dataIndex: 'requestedByName', width: 120 },
              {
                title: t('asset.disposalMethod'),
                dataIndex: 'method',
                width: 90,
                render: (value: string) => disposalMethodLabel(t, value),
              },
              { title: t('asset.disposalReason'), dataIndex: 'reason' },
              {
                title: t('common.status'),
                key: 'status',
                width: 220,
                render: (_value, disposal) =>
                  disposal.status === 'requested' && canDecide ? (
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <Input
                        size="small"
                        placeholder={t('adjustment.comment')}
                        value={comment}
                        onChange={(event) => setComment(event.target.value)}
                      />
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          loading={action.busy === 'approve'}
                          onClick={() => decide(disposal, true)}
                          data-testid="disposal-approve"
                        >
                          {t('adjustment.approve')}
                        </Button>
                        <Button
                          size="small"
                          danger
                          loading={action.busy === 'reject'}
                          onClick={() => decide(disposal, false)}
                          data-testid="disposal-reject"
                        >
                          {t('adjustment.reject')}
                        </Button>
                      </Space>
                    </Space>
                  ) : (
                    <Space orientation="vertical" size={0}>
                      <ControlStatusTag status={disposal.status} label={t(`adjustmentStatus.${disposal.status}`)} />
                      {disposal.decidedByName && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {disposal.decidedByName} · {formatDateTime(disposal.decidedAt)}
                        </Typography.Text>
                      )}
                      {disposal.comment && <Typography.Text style={{ fontSize: 12 }}>{disposal.comment}</Typography.Text>}
                    </Space>
                  ),
              },
            ]}
          />
          <Typography.Text strong>{t('asset.stocktakes')}</Typography.Text>
          <Table<Count>
            size="small"
            rowKey="stocktakeId"
            dataSource={[...asset.stocktakes]}
            pagination={false}
            locale={{ emptyText: t('asset.noStocktakes') }}
            columns={[
              { title: t('stocktake.takenOn'), dataIndex: 'takenOn', width: 110, render: formatDate },
              { title: t('stocktake.performedBy'), dataIndex: 'performedByName', width: 130 },
              {
                title: t('stocktake.found'),
                dataIndex: 'found',
                width: 80,
                render: (found: boolean) =>
                  found ? <Tag color="success">{t('stocktake.yes')}</Tag> : <Tag color="error">{t('stocktake.no')}</Tag>,
              },
              { title: t('stocktake.difference'), dataIndex: 'difference', render: (value: string | null) => value ?? '—' },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
