import type { MonitoringLight } from '@jixiao/contract';
import { Descriptions, Popover, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Light } from './monitoring-form.ts';

export const LIGHT_COLOR: Readonly<Record<Light, string>> = {
  green: 'green',
  yellow: 'gold',
  red: 'red',
  blue: 'blue',
  none: 'default',
};

/** Forms or lines counted by light, the alarming ones first; a light none has is left out. */
export function LightCounts({ lights }: { lights: Readonly<Record<Light, number>> }) {
  const { t } = useI18n();
  return (
    <Space size={2} wrap>
      {(['red', 'yellow', 'blue', 'green'] as const)
        .filter((light) => lights[light] > 0)
        .map((light) => (
          <Tag key={light} color={LIGHT_COLOR[light]}>
            {t(`monitoring.light.${light}`)} {lights[light]}
          </Tag>
        ))}
    </Space>
  );
}

/** A light alone, where its explanation is given elsewhere on the row (the lights page). */
export function LightBadge({ light }: { light: Light }) {
  const { t } = useI18n();
  return (
    <Tag color={LIGHT_COLOR[light]} data-testid={`light-${light}`}>
      {t(`monitoring.light.${light}`)}
    </Tag>
  );
}

/** A light as a coloured tag; its popover says why, by which rule and on what authority, with the figures used. */
export function LightTag({ light, testId }: { light: MonitoringLight; testId?: string }) {
  const { t, locale } = useI18n();
  const content = (
    <div style={{ maxWidth: 420 }} data-testid="light-explanation">
      <Typography.Paragraph style={{ marginBottom: 8 }}>{locale === 'en' ? light.explanationEn : light.explanation}</Typography.Paragraph>
      {light.inputs.length > 0 && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 8 }}>
          {light.inputs.map((input) => (
            <Descriptions.Item key={input.label} label={locale === 'en' ? input.labelEn : input.label}>
              {input.value}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <Typography.Text type="secondary">{t('monitoring.lightSource', { source: light.rule.source })}</Typography.Text>
    </div>
  );
  return (
    <Popover content={content} title={t('monitoring.lightWhy')} trigger={['hover', 'click']}>
      <Tag color={LIGHT_COLOR[light.light]} style={{ cursor: 'help' }} data-testid={testId ?? `light-${light.light}`}>
        {t(`monitoring.light.${light.light}`)}
      </Tag>
    </Popover>
  );
}
