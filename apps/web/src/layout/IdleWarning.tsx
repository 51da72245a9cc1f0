import { Modal } from 'antd';
import { useEffect, useState } from 'react';
import { lastActivityAt, onActivity } from '../api/client.ts';
import { useSession } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatCountdown, hasSurelyEnded, sessionEndsAt, warnBeforeMs } from '../lib/idle.ts';

/**
 * Warns before the server ends an idle session (长时间未操作), with a countdown and a button that
 * keeps the session. Once the session has surely ended it asks the server, which answers
 * SESSION_EXPIRED and so sends the user to the login page with that notice.
 */
export function IdleWarning() {
  const { session, refresh } = useSession();
  const { t } = useI18n();
  const [lastActivity, setLastActivity] = useState(lastActivityAt);
  const [now, setNow] = useState(() => Date.now());
  const idleMinutes = session?.idleTimeoutMinutes ?? null;

  useEffect(() => onActivity(setLastActivity), []);

  useEffect(() => {
    if (idleMinutes === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [idleMinutes]);

  const endsAt = idleMinutes === null ? null : sessionEndsAt(lastActivity, idleMinutes);
  const remaining = endsAt === null ? null : endsAt - now;
  const ended = remaining !== null && hasSurelyEnded(remaining);
  const warning = remaining !== null && idleMinutes !== null && remaining > 0 && remaining <= warnBeforeMs(idleMinutes);

  useEffect(() => {
    if (ended) void refresh();
  }, [ended, refresh]);

  return (
    <Modal
      open={warning}
      title={t('idle.title')}
      okText={t('idle.stay')}
      cancelButtonProps={{ style: { display: 'none' } }}
      closable={false}
      mask={{ closable: false }}
      onOk={() => void refresh()}
    >
      {t('idle.body', { time: formatCountdown(remaining ?? 0) })}
    </Modal>
  );
}
