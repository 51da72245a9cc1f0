import { MONITORING_LIGHT, type MonitoringLightRow } from '@jixiao/contract';
import { Empty, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useMonitoringLights } from '../../api/monitoring-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isOneOf } from '../../lib/one-of.ts';
import { LIGHT_COLOR, LightBadge } from './LightTag.tsx';
import { bySeverity, type Light, worstLight } from './monitoring-form.ts';

const percent = (value: string | null) => (value === null ? '—' : `${value}%`);
/** Rates compare as numbers only to order the rows; the figures shown are the server's text. */
const rateOrder = (a: string | null, b: string | null) => (a === null ? -1 : Number(a)) - (b === null ? -1 : Number(b));

/**
 * 各单位预警灯一览: every form in the task the user may see, by department; filtered by light colour,
 * department and a search over unit and project, sorted by any column; a row opens its form.
 */
export function LightsView({ taskId, onOpen }: { taskId: string; onOpen: (formId: string) => void }) {
  const { t } = useI18n();
  const query = useMonitoringLights(taskId);
  const [light, setLight] = useState<Light | undefined>();
  const [department, setDepartment] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const items = query.data?.items ?? [];
  const departments = [...new Set(items.map((row) => row.departmentName))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const rows = useMemo(() => {
    const needle = search.trim();
    return items
      .filter((row) => !light || worstLight(row) === light)
      .filter((row) => !department || row.departmentName === department)
      .filter((row) => !needle || row.title.includes(needle) || row.organisationName.includes(needle))
      .sort(
        (a, b) =>
          a.departmentName.localeCompare(b.departmentName, 'zh-CN') ||
          bySeverity(worstLight(a), worstLight(b)) ||
          a.organisationName.localeCompare(b.organisationName, 'zh-CN'),
      );
  }, [items, light, department, search]);

  if (query.error) return <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('monitoring.lightsIntro')}</Typography.Text>
      <Flex wrap gap={8}>
        <Select
          allowClear
          placeholder={t('monitoring.filterLight')}
          style={{ width: 140 }}
          value={light}
          onChange={(value: string | undefined) => setLight(isOneOf(MONITORING_LIGHT, value) ? value : undefined)}
          options={MONITORING_LIGHT.map((value) => ({ value, label: t(`monitoring.light.${value}`) }))}
          data-testid="monitoring-filter-light"
        />
        <Select
          allowClear
          showSearch
          placeholder={t('monitoring.department')}
          style={{ width: 240 }}
          value={department}
          onChange={(value: string | undefined) => setDepartment(value)}
          options={departments.map((value) => ({ value, label: value }))}
        />
        <Input.Search
          allowClear
          placeholder={t('monitoring.search')}
          style={{ width: 260 }}
          onSearch={setSearch}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="monitoring-search"
        />
      </Flex>
      <Table<MonitoringLightRow>
        rowKey="id"
        size="small"
        loading={query.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 1200 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('monitoring.noForms')} /> }}
        onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
        data-testid="monitoring-lights"
        columns={[
          {
            title: t('monitoring.department'),
            dataIndex: 'departmentName',
            width: 180,
            sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
          },
          {
            title: t('monitoring.unit'),
            dataIndex: 'organisationName',
            width: 180,
            sorter: (a, b) => a.organisationName.localeCompare(b.organisationName, 'zh-CN'),
          },
          { title: t('monitoring.formTitle'), dataIndex: 'title', render: (title: string) => <Typography.Link>{title}</Typography.Link> },
          { title: t('monitoring.status'), dataIndex: 'statusLabel', width: 110 },
          {
            title: t('monitoring.worstLight'),
            key: 'worst',
            width: 90,
            sorter: (a, b) => bySeverity(worstLight(a), worstLight(b)),
            render: (_: unknown, row) => <LightBadge light={worstLight(row)} />,
          },
          {
            title: t('monitoring.budgetLight'),
            dataIndex: 'budgetLight',
            width: 90,
            sorter: (a, b) => bySeverity(a.budgetLight, b.budgetLight),
            render: (value: Light) => <LightBadge light={value} />,
          },
          {
            title: t('monitoring.executionRate'),
            dataIndex: 'executionRate',
            align: 'right',
            width: 90,
            sorter: (a, b) => rateOrder(a.executionRate, b.executionRate),
            render: percent,
          },
          {
            title: t('monitoring.timeProgress'),
            dataIndex: 'timeProgress',
            align: 'right',
            width: 90,
            render: percent,
          },
          {
            title: t('monitoring.indicatorLights'),
            key: 'indicatorLights',
            width: 170,
            sorter: (a, b) => b.indicatorLights.red - a.indicatorLights.red || b.indicatorLights.yellow - a.indicatorLights.yellow,
            render: (_: unknown, row) => (
              <Space size={2} wrap>
                {(['red', 'yellow', 'blue', 'green'] as const)
                  .filter((value) => row.indicatorLights[value] > 0)
                  .map((value) => (
                    <Tag key={value} color={LIGHT_COLOR[value]}>
                      {t(`monitoring.light.${value}`)} {row.indicatorLights[value]}
                    </Tag>
                  ))}
              </Space>
            ),
          },
          {
            title: t('monitoring.worstExplanation'),
            dataIndex: 'worst',
            width: 320,
            render: (worst: string | null) => <span className="wrap-text">{worst ?? '—'}</span>,
          },
        ]}
      />
    </Flex>
  );
}
