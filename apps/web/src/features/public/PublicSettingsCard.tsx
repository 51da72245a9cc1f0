import { App, Card, Flex, Switch, Typography } from 'antd';
import { usePublicSettings, useUpdatePublicSettings } from '../../api/public-settings-queries.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../lib/dates.ts';

/**
 * 公开设置 of one department: whether its public report pages show the preparer's phone. Off by default;
 * turning it on publishes a personal detail, so it is confirmed first. Who may change it is the server's
 * answer (`permissions.edit`); an organisation that is not a department shows nothing.
 */
export function PublicSettingsCard({ organisationId }: { organisationId: string }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const settings = usePublicSettings(organisationId);
  const update = useUpdatePublicSettings(organisationId);
  const view = settings.data;
  if (!view) return null;
  const change = (showPreparerPhone: boolean) =>
    modal.confirm({
      title: t(showPreparerPhone ? 'publicSettings.confirmOnTitle' : 'publicSettings.confirmOffTitle'),
      content: t(showPreparerPhone ? 'publicSettings.confirmOn' : 'publicSettings.confirmOff', { name: view.organisationName }),
      okButtonProps: { 'data-testid': 'public-settings-confirm' } as Record<string, string>,
      onOk: async () => {
        try {
          await update.mutateAsync({ showPreparerPhone, version: view.version });
          message.success(t('publicSettings.saved'));
        } catch (error) {
          message.error(error instanceof Error ? error.message : String(error));
        }
      },
    });
  return (
    <Card size="small" title={t('publicSettings.title', { name: view.organisationName })} data-testid="public-settings">
      <Flex vertical gap={8}>
        <Flex gap={8} align="center">
          <Switch
            checked={view.showPreparerPhone}
            disabled={!view.permissions.edit}
            loading={update.isPending}
            onChange={change}
            aria-label={t('publicSettings.phone')}
            data-testid="public-settings-phone"
          />
          <Typography.Text>{t('publicSettings.phone')}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary">{t('publicSettings.rule')}</Typography.Text>
        {view.updatedAt && (
          <Typography.Text type="secondary">
            {t('publicSettings.updated', { name: view.updatedByName ?? '', at: formatDate(view.updatedAt) })}
          </Typography.Text>
        )}
        {!view.permissions.edit && <Typography.Text type="secondary">{t('publicSettings.readOnly')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
