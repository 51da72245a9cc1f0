import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The one-time initial password: shown once, to be handed to the user; the server never shows it again. */
export function InitialPasswordModal({ shown, onClose }: { shown: { username: string; password: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={shown !== null}
      title={t('user.initialPasswordTitle')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      {shown && (
        <>
          <Alert type="warning" showIcon title={t('user.initialPasswordOnce')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph>
            {t('user.username')}：<Typography.Text strong>{shown.username}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph>
            {t('user.initialPassword')}：
            <Typography.Text code copyable data-testid="initial-password">
              {shown.password}
            </Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
