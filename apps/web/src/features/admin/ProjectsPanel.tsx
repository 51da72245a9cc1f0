import { PlusOutlined } from '@ant-design/icons';
import { PROJECT_CATEGORIES } from '@jixiao/contract';
import { Button, Form, Input, Modal, Select, Space, Table, TreeSelect } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAdminWrites, useFiscalYears, useOrganisations, useProjects } from '../../api/admin-queries.ts';
import type { ProjectItem } from '../../api/types.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { moneyRule } from '../../components/form-rules.ts';
import { Money } from '../../components/Money.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { parseMoneyInput } from '../../lib/money.ts';
import { yearOptions } from '../evaluations/year-options.ts';
import { buildOrganisationTree, organisationTreeSelect } from './organisation-tree.ts';

interface Values {
  organisationId: string;
  fiscalYear: number;
  code: string;
  name: string;
  category: (typeof PROJECT_CATEGORIES)[number];
  budget: string;
}

/** 项目: the projects of a year with category and budget, each the subject of a 项目支出绩效自评. */
export function ProjectsPanel() {
  const { t } = useI18n();
  const organisations = useOrganisations();
  const fiscalYears = useFiscalYears();
  const years = yearOptions(fiscalYears.data?.items ?? [], []);
  const [chosenYear, setChosenYear] = useState<number | undefined>(undefined);
  const year = chosenYear ?? years[0];
  const projects = useProjects(year);
  const { write: save, saving } = useWrite();
  const { createProject } = useAdminWrites();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Values>();
  const treeData = organisationTreeSelect(buildOrganisationTree(organisations.data?.items ?? []));

  const submit = async (values: Values) => {
    const ok = await save(
      () =>
        createProject.mutateAsync({
          ...values,
          code: values.code.trim(),
          name: values.name.trim(),
          budget: parseMoneyInput(values.budget) ?? values.budget,
        }),
      { form },
    );
    if (ok) setCreating(false);
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<number>
          style={{ width: 120 }}
          value={year}
          onChange={setChosenYear}
          options={years.map((value) => ({ value, label: t('common.year', { year: value }) }))}
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ fiscalYear: year, category: '其他' });
            setCreating(true);
          }}
        >
          {t('project.create')}
        </Button>
      </Space>
      {projects.error ? (
        <ApiErrorAlert error={projects.error} onRetry={() => void projects.refetch()} />
      ) : (
        <Table<ProjectItem>
          rowKey="id"
          size="small"
          loading={projects.isFetching}
          dataSource={projects.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('project.code'), dataIndex: 'code', width: 120 },
            { title: t('project.name'), dataIndex: 'name' },
            { title: t('user.organisation'), dataIndex: 'organisationName', width: 220 },
            { title: t('project.category'), dataIndex: 'category', width: 80 },
            {
              title: `${t('project.budget')}${t('common.paren', { text: t('common.yuan') })}`,
              dataIndex: 'budget',
              width: 160,
              align: 'right',
              render: (budget: string) => <Money value={budget} />,
            },
            {
              title: t('project.evaluation'),
              dataIndex: 'evaluationId',
              width: 100,
              render: (id: string | null) => (id ? <Link to={`/evaluations/${id}`}>{t('common.open')}</Link> : '—'),
            },
          ]}
        />
      )}
      <Modal
        open={creating}
        title={t('project.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        forceRender
      >
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="organisationId"
            label={t('user.organisation')}
            rules={[{ required: true, message: t('user.organisationRequired') }]}
          >
            <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
          </Form.Item>
          <Form.Item name="fiscalYear" label={t('year.year')} rules={[{ required: true }]}>
            <Select options={years.map((value) => ({ value, label: t('common.year', { year: value }) }))} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('project.code')}
            rules={[{ required: true, whitespace: true, message: t('project.codeRequired') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('project.name')}
            rules={[{ required: true, whitespace: true, message: t('project.nameRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="category" label={t('project.category')} rules={[{ required: true }]}>
            <Select options={PROJECT_CATEGORIES.map((value) => ({ value, label: value }))} />
          </Form.Item>
          <Form.Item
            name="budget"
            label={`${t('project.budget')}${t('common.paren', { text: t('common.yuan') })}`}
            rules={[{ required: true, message: t('validation.money') }, moneyRule(t('validation.money'))]}
          >
            <MoneyInput />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
