import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, errorText } from '../../api/api-error.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Locale } from '../../i18n/translate.ts';
import { safeReturnPath } from '../../lib/return-path.ts';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { state, signIn } = useSession();
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = safeReturnPath(location.state);

  if (state.status === 'signed-in' && !submitting) {
    return <Navigate to={state.session.user.mustChangePassword ? '/account/password' : from} replace />;
  }

  const submit = async (values: Credentials) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const session = await signIn(values.username.trim(), values.password);
      navigate(session.user.mustChangePassword ? '/account/password' : from, { replace: true });
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'CLIENT_ERROR', t('error.unexpected'), null, null));
    } finally {
      setSubmitting(false);
    }
  };

  const reason = state.status === 'signed-out' ? state.reason : null;
  return (
    <div className="login-page">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ width: '100%', maxWidth: 400 }}>
        <div className="login-brand">
          <span className="app-brand-mark">绩</span>
          {t('app.fullName')}
        </div>
        <Segmented<Locale>
          size="small"
          value={locale}
          onChange={setLocale}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'EN', value: 'en' },
          ]}
          aria-label={t('header.language')}
        />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('login.submit')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {reason === 'expired' && (
          <Alert type="warning" showIcon title={t('session.expired')} style={{ marginBottom: 16 }} data-testid="login-notice" />
        )}
        {reason === 'required' && (
          <Alert type="info" showIcon title={t('session.required')} style={{ marginBottom: 16 }} data-testid="login-notice" />
        )}
        {failure && (
          <Alert
            type="error"
            showIcon
            title={loginFailureText(failure, t('error.requestId'))}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} disabled={submitting}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Link href="/public" target="_blank">
        {t('nav.publicReports')}
      </Typography.Link>
    </div>
  );
}

/** The server's own Chinese sentence: it already says why (wrong password, locked until when, too many attempts). */
const EXPECTED_FAILURES = new Set(['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'TOO_MANY_ATTEMPTS', 'VALIDATION_FAILED', 'NETWORK_ERROR']);

function loginFailureText(error: ApiError, requestIdLabel: string): string {
  return EXPECTED_FAILURES.has(error.code) ? error.message : errorText(error, requestIdLabel);
}
