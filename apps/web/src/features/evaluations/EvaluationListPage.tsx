import { PlusOutlined } from '@ant-design/icons';
import { STATUS } from '@jixiao/contract';
import { Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useFiscalYears } from '../../api/admin-queries.ts';
import { useEvaluationList } from '../../api/evaluation-queries.ts';
import type { EvaluationKind, EvaluationStatus, ListEvaluationsFilter } from '../../api/types.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ListSearch } from '../../components/ListSearch.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CreateEvaluationModal } from './CreateEvaluationModal.tsx';
import { EvaluationTable } from './EvaluationTable.tsx';
import { filtersFromSearch, filtersToSearch } from './filters.ts';
import { yearOptions } from './year-options.ts';

export default function EvaluationListPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const [search, setSearch] = useSearchParams();
  const filter = filtersFromSearch(search);
  const list = useEvaluationList(filter);
  // The department choices are the units the reader has evaluations of (all years), so none leads nowhere.
  const everything = useEvaluationList({});
  const units = [...new Map((everything.data?.items ?? []).map((item) => [item.organisationId, item.organisationName])).entries()];
  const years = useFiscalYears();
  const [creating, setCreating] = useState(false);

  const update = (patch: Partial<ListEvaluationsFilter>) => setSearch(filtersToSearch({ ...filter, ...patch }), { replace: true });
  const knownYears = yearOptions(years.data?.items ?? [], list.data?.items ?? [], filter.fiscalYear);

  return (
    <div className="page-stack">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.evaluations')}
        </Typography.Title>
        {(session?.access.createEvaluationIn.length ?? 0) > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="evaluation-create">
            {t('evaluation.create')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<number>
            allowClear
            placeholder={t('evaluation.fiscalYear')}
            style={{ width: 120 }}
            value={filter.fiscalYear}
            onChange={(fiscalYear) => update({ fiscalYear })}
            options={knownYears.map((year) => ({ value: year, label: t('common.year', { year }) }))}
            data-testid="filter-year"
          />
          <Select<EvaluationStatus>
            allowClear
            placeholder={t('common.status')}
            style={{ width: 150 }}
            value={filter.status}
            onChange={(status) => update({ status })}
            options={STATUS.map((status) => ({ value: status, label: t(`status.${status}`) }))}
            data-testid="filter-status"
          />
          <Select<EvaluationKind>
            allowClear
            placeholder={t('evaluation.kind')}
            style={{ width: 150 }}
            value={filter.kind}
            onChange={(kind) => update({ kind })}
            options={[
              { value: 'department', label: t('kind.department') },
              { value: 'project', label: t('kind.project') },
            ]}
            data-testid="filter-kind"
          />
          {units.length > 1 && (
            <Select<string>
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('list.department')}
              style={{ width: 240 }}
              value={filter.organisationId}
              onChange={(organisationId) => update({ organisationId })}
              options={units.map(([value, label]) => ({ value, label }))}
              data-testid="filter-unit"
            />
          )}
          <ListSearch value={filter.q} onSearch={(q) => update({ q })} placeholder={t('list.searchEvaluations')} testId="filter-search" />
        </Space>
        {list.error ? (
          <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <EvaluationTable items={list.data?.items ?? []} loading={list.isFetching} />
        )}
      </Card>
      <CreateEvaluationModal open={creating} onClose={() => setCreating(false)} years={knownYears} />
    </div>
  );
}
