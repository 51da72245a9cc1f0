import type { CarriedRectification } from '@jixiao/contract';
import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { RectificationDeadline } from './RectificationStatusTag.tsx';

/** 未完成整改事项: the previous year's open items, on the declaration of the year after. */
export function CarriedRectifications({ items }: { items: readonly CarriedRectification[] }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('rectification.carried')} data-testid="carried-rectifications">
      <Typography.Paragraph type="secondary">{t('rectification.carriedIntro')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={[...items]}
        renderItem={(item) => (
          <List.Item key={item.id} extra={<RectificationDeadline deadline={item.deadline} overdue={item.overdue} />}>
            <List.Item.Meta
              title={<Link to={`/rectifications?open=${encodeURIComponent(item.id)}`}>{item.sourceTitle}</Link>}
              description={`${item.statusLabel} · ${item.problem}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
