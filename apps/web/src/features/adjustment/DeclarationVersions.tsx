import { Button, Card, Modal, Space, Tag, Timeline, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAdjustmentWrites, useDeclarationVersions } from '../../api/adjustment-queries.ts';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../lib/dates.ts';
import { valueText } from './adjustment-form.ts';

/**
 * On an approved declaration: its versions (v1 批复, v2 调整 on a date, with what changed), the open
 * request if any, and "申请调整" when the server permits it.
 */
export function DeclarationVersions({ declarationId }: { declarationId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useDeclarationVersions(declarationId);
  const writes = useAdjustmentWrites();
  const { write, saving } = useWrite();
  const data = query.data;
  if (!data || data.versions.length === 0) return null;
  const request = () =>
    Modal.confirm({
      title: t('targetAdjustment.request'),
      content: t('targetAdjustment.confirmRequest'),
      onOk: async () => {
        let id = '';
        const ok = await write(async () => {
          id = (await writes.create.mutateAsync(declarationId)).id;
        });
        if (ok) void navigate(`/adjustments?open=${id}`);
      },
    });
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t('targetAdjustment.versions')}
      data-testid="declaration-versions"
      extra={
        <Space>
          {data.openAdjustment && (
            <Button size="small" onClick={() => void navigate(`/adjustments?open=${data.openAdjustment?.id}`)}>
              {t('targetAdjustment.openRequest', { status: data.openAdjustment.statusLabel })}
            </Button>
          )}
          {data.permissions.requestAdjustment && (
            <Button size="small" type="primary" loading={saving} onClick={request} data-testid="declaration-request-adjustment">
              {t('targetAdjustment.request')}
            </Button>
          )}
        </Space>
      }
    >
      <Timeline
        items={data.versions.map((version) => ({
          key: version.number,
          color: version.kind === 'approval' ? 'green' : 'blue',
          content: (
            <div>
              <Typography.Text strong>
                {t(version.kind === 'approval' ? 'targetAdjustment.versionApproved' : 'targetAdjustment.versionAdjusted', {
                  number: version.number,
                  at: formatDate(version.approvedAt),
                })}
              </Typography.Text>
              <Typography.Text type="secondary"> · {version.approvedByName}</Typography.Text>
              {version.changes.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {version.changes.map((change) => (
                    <li key={`${change.kind}-${change.indicatorName}-${change.reason}`}>
                      <Tag>{change.kindLabel}</Tag>
                      {change.indicatorName}：{valueText(change.before, change.unit)} → {valueText(change.after, change.unit)}
                      <Typography.Text type="secondary">（{change.reason}）</Typography.Text>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
