import { PlusOutlined } from '@ant-design/icons';
import type { DeclarationSummary } from '@jixiao/contract';
import { Button, Card, Flex, Form, Modal, Radio, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useFiscalYears, useOrganisations, useProjects } from '../../api/admin-queries.ts';
import { useDeclarations, useDeclarationWrites } from '../../api/targets-queries.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ListSearch, useListQuery } from '../../components/ListSearch.tsx';
import { useReportError } from '../../components/use-report-error.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatMoney } from '../../lib/money.ts';

/** 绩效目标申报: the year's 项目支出 and 部门整体支出 declarations the user may see. */
export default function DeclarationsPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const [search, setSearch] = useSearchParams();
  const years = useFiscalYears();
  const knownYears = (years.data?.items ?? []).map((year) => year.year).sort((a, b) => b - a);
  const fiscalYear = Number(search.get('fiscalYear')) || knownYears[0];
  const organisationId = search.get('organisation') ?? undefined;
  const [q, setQ] = useListQuery();
  const list = useDeclarations({ fiscalYear, organisationId, q });
  // The department choices are the units of the year's declarations, so none leads to an empty list.
  const year = useDeclarations({ fiscalYear });
  const units = [...new Map((year.data?.items ?? []).map((item) => [item.organisationId, item.organisationName])).entries()];
  const setParam = (name: string, value: string | undefined) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const [creating, setCreating] = useState(false);

  return (
    <div className="page-stack">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('declaration.title')}
        </Typography.Title>
        {(session?.access.createDeclarationIn.length ?? 0) > 0 && fiscalYear !== undefined && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="declaration-create">
            {t('declaration.create')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Select<number>
            style={{ width: 140 }}
            value={fiscalYear}
            onChange={(year) => setParam('fiscalYear', String(year))}
            options={knownYears.map((year) => ({ value: year, label: t('common.year', { year }) }))}
            data-testid="declaration-year"
          />
          {units.length > 1 && (
            <Select<string>
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('declaration.unit')}
              style={{ width: 260 }}
              value={organisationId}
              onChange={(id) => setParam('organisation', id)}
              options={units.map(([value, label]) => ({ value, label }))}
              data-testid="declaration-unit"
            />
          )}
          <ListSearch value={q} onSearch={setQ} placeholder={t('list.searchDeclarations')} testId="declaration-search" />
        </Flex>
        {list.error && <ApiErrorAlert error={list.error} />}
        <Table<DeclarationSummary>
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('declaration.empty') }}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            {
              title: t('declaration.projectName'),
              render: (_, row) => (
                <Link to={`/declarations/${row.id}`} data-testid={`declaration-${row.projectCode ?? row.organisationName}`}>
                  {row.projectName ?? t('declaration.kind.department')}
                </Link>
              ),
            },
            { title: t('declaration.unit'), dataIndex: 'organisationName' },
            { title: t('declaration.fundsTotal'), dataIndex: 'fundsTotal', align: 'right', render: (value: string) => formatMoney(value) },
            { title: t('declaration.indicatorCount'), dataIndex: 'indicatorCount', align: 'right', width: 90 },
            {
              title: t('common.status'),
              dataIndex: 'statusLabel',
              width: 120,
              render: (label: string, row) => (
                <Tag color={row.status === 'approved' ? 'green' : row.status === 'returned' ? 'red' : 'blue'}>{label}</Tag>
              ),
            },
          ]}
        />
      </Card>
      {creating && fiscalYear !== undefined && <CreateDeclarationModal fiscalYear={fiscalYear} onClose={() => setCreating(false)} />}
    </div>
  );
}

interface Values {
  kind: 'project' | 'department';
  projectId?: string;
  organisationId?: string;
}

function CreateDeclarationModal({ fiscalYear, onClose }: { fiscalYear: number; onClose: () => void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const navigate = useNavigate();
  const reportError = useReportError();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'project';
  const projects = useProjects(fiscalYear);
  const organisations = useOrganisations();
  const { create } = useDeclarationWrites();
  const nameOf = new Map((session?.user.roles ?? []).map((grant) => [grant.organisationId, grant.organisationName]));
  const departments = organisations.data
    ? organisations.data.items.filter((entry) => entry.kind === 'department').map((entry) => ({ value: entry.id, label: entry.name }))
    : (session?.access.createDeclarationIn ?? []).map((id) => ({ value: id, label: nameOf.get(id) ?? id }));

  const submit = async (values: Values) => {
    try {
      const body =
        values.kind === 'project'
          ? { kind: 'project' as const, projectId: values.projectId ?? '' }
          : { kind: 'department' as const, organisationId: values.organisationId ?? '', fiscalYear };
      const created = await create.mutateAsync(body);
      onClose();
      navigate(`/declarations/${created.id}`);
    } catch (error) {
      reportError(error, { form });
    }
  };

  return (
    <Modal
      open
      title={t('declaration.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('common.create')}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'project' }} onFinish={submit}>
        <Form.Item name="kind">
          <Radio.Group
            options={[
              { value: 'project', label: t('declaration.kind.project') },
              { value: 'department', label: t('declaration.kind.department') },
            ]}
          />
        </Form.Item>
        {kind === 'project' ? (
          <Form.Item name="projectId" label={t('declaration.project')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="declaration-project"
              options={(projects.data?.items ?? []).map((project) => ({ value: project.id, label: `${project.code} ${project.name}` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="organisationId" label={t('declaration.department')} rules={[{ required: true }]}>
            <Select options={departments} data-testid="declaration-department" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
