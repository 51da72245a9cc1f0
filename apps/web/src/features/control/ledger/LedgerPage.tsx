import { PlusOutlined } from '@ant-design/icons';
import type { LedgerQuery } from '@jixiao/contract';
import { Button, Card, Flex, Select, Skeleton, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUnitPermissions } from '../../../api/access-queries.ts';
import { useProjects } from '../../../api/admin-queries.ts';
import { useBudgetLines, useLedgerOverview } from '../../../api/control-queries.ts';
import { useSession } from '../../../auth/SessionProvider.tsx';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { MoneyUnitScope } from '../../../components/MoneyUnit.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { subtree } from '../../../lib/posts.ts';
import { ScopeBar, useFilterWidth } from '../scope/ScopeBar.tsx';
import { useControlScope } from '../scope/use-control-scope.ts';
import { BudgetLineDrawer } from './BudgetLineDrawer.tsx';
import { BudgetLineTable } from './BudgetLineTable.tsx';
import { CreateBudgetLineModal } from './CreateBudgetLineModal.tsx';
import { type Drill, DrillDownDrawer } from './DrillDownDrawer.tsx';
import { LedgerCharts } from './LedgerCharts.tsx';
import { MetricCards } from './MetricCards.tsx';
import { RollupPanel } from './RollupPanel.tsx';

/**
 * 预算执行: the ledger of an organisation (and its units) for a year, optionally narrowed to a
 * project or one budget line: the computed indicators with drill-down, spending by month against
 * the plan and against 序时进度, and the budget lines with their plans and adjustments.
 */
export default function LedgerPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const scope = useControlScope();
  const width = useFilterWidth();
  const [search, setSearch] = useSearchParams();
  const lineFilter = search.get('line') ?? undefined;
  const projectFilter = search.get('project') ?? undefined;
  const view = search.get('view') === 'rollup' ? 'rollup' : 'unit';
  const [openLine, setOpenLine] = useState<string | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [creating, setCreating] = useState(false);

  const { organisationId, fiscalYear } = scope;
  const query: LedgerQuery | null =
    organisationId && fiscalYear ? { organisationId, fiscalYear, projectId: projectFilter, budgetLineId: lineFilter } : null;
  const ledger = useLedgerOverview(query);
  const linesQuery =
    organisationId && fiscalYear ? { organisationId: scope.listOrganisationId, fiscalYear, projectId: projectFilter } : null;
  const lines = useBudgetLines(linesQuery);
  const projects = useProjects(fiscalYear, fiscalYear !== undefined);
  const inScope = useMemo(
    () => (organisationId ? subtree(scope.organisations, organisationId) : new Set<string>()),
    [organisationId, scope.organisations],
  );
  const projectOptions = (projects.data?.items ?? []).filter((project) => inScope.has(project.organisationId));
  const may = useUnitPermissions(organisationId);
  const setFilter = (name: 'line' | 'project' | 'view', value: string | undefined) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        if (name === 'project') next.delete('line');
        return next;
      },
      { replace: true },
    );

  const lineItems = lines.data?.items ?? [];
  const decemberShare = ledger.data?.metrics.find((metric) => metric.metric === 'december-share')?.percent ?? null;
  const overview = (
    <Flex vertical gap={16}>
      {ledger.error && <ApiErrorAlert error={ledger.error} onRetry={ledger.refetch} />}
      <Card
        size="small"
        title={t('ledger.metrics')}
        extra={
          ledger.data && <Typography.Text type="secondary">{t('ledger.asOf', { date: formatDate(ledger.data.asOf) })}</Typography.Text>
        }
      >
        {ledger.data ? (
          <MetricCards metrics={ledger.data.metrics} onDrill={(metric, term) => setDrill({ metric, term })} />
        ) : (
          <Skeleton active />
        )}
      </Card>
      <Card size="small">
        {ledger.data ? <LedgerCharts monthly={ledger.data.monthly} decemberShare={decemberShare} /> : <Skeleton active />}
      </Card>
      <Card
        size="small"
        title={t('ledger.lines')}
        extra={
          may.createBudgetLine && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="budget-line-create">
              {t('ledger.lineCreate')}
            </Button>
          )
        }
      >
        {lines.error ? (
          <ApiErrorAlert error={lines.error} onRetry={lines.refetch} />
        ) : (
          <BudgetLineTable lines={lineItems} loading={lines.isFetching} selectedId={lineFilter} onOpen={(line) => setOpenLine(line.id)} />
        )}
      </Card>
    </Flex>
  );

  return (
    <MoneyUnitScope>
      {(unitToggle) => (
        <div className="page-stack">
          <Typography.Title level={3} className="page-title">
            {t('nav.controlLedger')}
          </Typography.Title>
          <ScopeBar scope={scope}>
            {projectOptions.length > 0 && (
              <Select<string>
                allowClear
                placeholder={t('ledger.allProjects')}
                style={{ width: width(240) }}
                value={projectFilter}
                onChange={(value) => setFilter('project', value)}
                options={projectOptions.map((project) => ({ value: project.id, label: `${project.code} ${project.name}` }))}
                data-testid="ledger-project-filter"
              />
            )}
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('ledger.allLines')}
              style={{ width: width(280) }}
              value={lineFilter}
              onChange={(value) => setFilter('line', value)}
              options={lineItems.map((line) => ({ value: line.id, label: `${line.code} ${line.name}` }))}
              data-testid="ledger-line-filter"
            />
            {unitToggle}
          </ScopeBar>
          {scope.loading && !query ? (
            <Skeleton active />
          ) : session?.access.ledgerRollup && fiscalYear ? (
            <Tabs
              activeKey={view}
              onChange={(key) => setFilter('view', key === 'rollup' ? 'rollup' : undefined)}
              items={[
                { key: 'unit', label: <span data-testid="ledger-tab-unit">{t('ledger.viewUnit')}</span>, children: overview },
                {
                  key: 'rollup',
                  label: <span data-testid="ledger-tab-rollup">{t('ledger.viewRollup')}</span>,
                  children: <Card size="small">{view === 'rollup' && <RollupPanel fiscalYear={fiscalYear} />}</Card>,
                },
              ]}
            />
          ) : (
            overview
          )}
          <BudgetLineDrawer lineId={openLine} onClose={() => setOpenLine(null)} />
          <DrillDownDrawer
            drill={drill}
            query={query}
            lines={lineItems}
            onTerm={(term) => setDrill((current) => (current ? { ...current, term } : current))}
            onClose={() => setDrill(null)}
          />
          {organisationId && fiscalYear && (
            <CreateBudgetLineModal
              open={creating}
              organisationId={organisationId}
              fiscalYear={fiscalYear}
              projects={projectOptions}
              onClose={() => setCreating(false)}
            />
          )}
        </div>
      )}
    </MoneyUnitScope>
  );
}
