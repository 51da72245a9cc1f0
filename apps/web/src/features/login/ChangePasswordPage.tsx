import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { authApi } from '../../api/endpoints.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useReportError } from '../../components/use-report-error.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { checkPassword } from '../../lib/password-rules.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordPage() {
  const { session, passwordChanged } = useSession();
  const { t } = useI18n();
  const { message } = App.useApp();
  const reportError = useReportError();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const username = session?.user.username ?? '';
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const checks = checkPassword(newPassword, username);
  const forced = session?.user.mustChangePassword ?? false;

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await authApi.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success(t('account.passwordChanged'));
      passwordChanged();
      navigate('/', { replace: true });
    } catch (error) {
      reportError(error, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card style={{ maxWidth: 520 }}>
      <Typography.Title level={3} className="page-title">
        {t('account.changePassword')}
      </Typography.Title>
      {forced && <Alert type="warning" showIcon title={t('account.mustChange')} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('account.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          rules={[
            { required: true, message: t('account.newRequired') },
            {
              validator: (_rule, value: string | undefined) =>
                checkPassword(value ?? '', username).every((check) => check.ok)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.rulesNotMet'))),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Space orientation="vertical" size={2} style={{ marginBottom: 16 }} data-testid="password-rules">
          {checks.map((check) => (
            <Typography.Text key={check.rule} type={check.ok ? 'success' : 'secondary'}>
              {check.ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {t(`account.rule.${check.rule}`)}
            </Typography.Text>
          ))}
          <Typography.Text type="secondary">{t('account.rule.common')}</Typography.Text>
        </Space>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('account.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="password-submit">
          {t('account.save')}
        </Button>
      </Form>
    </Card>
  );
}
