import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@jixiao/contract';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { useNotifications, useNotificationWrites } from '../api/notification-queries.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/zh.ts';
import { formatDateTime } from '../lib/dates.ts';

/** 消息通知: the bell with the unread count; opening one marks it read and goes to its record. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useNotifications();
  const writes = useNotificationWrites();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const choose = (item: Notification) => {
    if (!item.readAt) writes.read.mutate(item.id);
    setOpen(false);
    void navigate(item.link);
  };

  const content = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {list.isError ? (
        <Typography.Text type="danger">
          {t('notifications.failed', { message: list.error instanceof ApiError ? list.error.message : String(list.error) })}
        </Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              onClick={() => choose(item)}
              style={{ cursor: 'pointer', background: item.readAt ? undefined : '#f0f7ff' }}
              data-testid={`notification-${item.id}`}
            >
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text strong={!item.readAt}>{t(`notificationKind.${item.kind}` as MessageKey)}</Typography.Text>
                <Typography.Text ellipsis={{ tooltip: item.title }}>{item.title}</Typography.Text>
                {item.body && (
                  <Typography.Text type="secondary" ellipsis={{ tooltip: item.body }} style={{ fontSize: 12 }}>
                    {item.body}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(item.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <Flex justify="space-between" align="center">
          {t('notifications.title')}
          {unread > 0 && (
            <Button size="small" type="link" onClick={() => writes.readAll.mutate()} data-testid="notification-read-all">
              {t('notifications.readAll')}
            </Button>
          )}
        </Flex>
      }
      content={content}
    >
      <Button type="text" aria-label={t('notifications.bell', { count: unread })} data-testid="notification-bell">
        <Badge count={unread} size="small" offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
