import { Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useOrganisations, useProjects } from '../../api/admin-queries.ts';
import { useCreateEvaluation } from '../../api/evaluation-queries.ts';
import type { EvaluationKind } from '../../api/types.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useReportError } from '../../components/use-report-error.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatMoney } from '../../lib/money.ts';

interface Values {
  kind: EvaluationKind;
  fiscalYear: number;
  organisationId?: string;
  projectId?: string;
}

/** 新建自评: a department-wide one for a department, or a project one for a project of the year. */
export function CreateEvaluationModal({ open, onClose, years }: { open: boolean; onClose: () => void; years: readonly number[] }) {
  const { t } = useI18n();
  const { session } = useSession();
  const navigate = useNavigate();
  const reportError = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? 'department';
  const fiscalYear = Form.useWatch('fiscalYear', form);
  const organisations = useOrganisations(open);
  const projects = useProjects(fiscalYear, open && kind === 'project' && fiscalYear !== undefined);
  const create = useCreateEvaluation();

  // Departments the user may prepare for (the server's policy); named from the grants until the organisation list is served.
  const nameOf = new Map((session?.user.roles ?? []).map((grant) => [grant.organisationId, grant.organisationName]));
  const departmentOptions = organisations.data
    ? organisations.data.items
        .filter((organisation) => organisation.kind === 'department')
        .map((organisation) => ({ value: organisation.id, label: organisation.name }))
    : (session?.access.createEvaluationIn ?? []).map((id) => ({ value: id, label: nameOf.get(id) ?? id }));
  const projectOptions = (projects.data?.items ?? [])
    .filter((project) => project.evaluationId === null)
    .map((project) => ({
      value: project.id,
      label: `${project.name}${t('common.paren', { text: `${project.category}${t('common.comma')}${formatMoney(project.budget)} ${t('common.yuan')}` })}`,
    }));
  const yearChoices = years.length > 0 ? years : [new Date().getFullYear() - 1];

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const body =
        values.kind === 'department'
          ? { kind: 'department' as const, fiscalYear: values.fiscalYear, organisationId: values.organisationId ?? '' }
          : { kind: 'project' as const, fiscalYear: values.fiscalYear, projectId: values.projectId ?? '' };
      const created = await create.mutateAsync(body);
      onClose();
      navigate(`/evaluations/${created.id}`);
    } catch (error) {
      reportError(error, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('evaluation.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      okText={t('common.create')}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'department', fiscalYear: yearChoices[0] }}
        onFinish={submit}
        preserve={false}
      >
        <Form.Item name="kind" label={t('evaluation.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'department', label: t('kind.department') },
              { value: 'project', label: t('kind.project') },
            ]}
          />
        </Form.Item>
        <Form.Item name="fiscalYear" label={t('evaluation.fiscalYear')} rules={[{ required: true }]}>
          <Select options={yearChoices.map((year) => ({ value: year, label: t('common.year', { year }) }))} />
        </Form.Item>
        {kind === 'department' ? (
          <Form.Item
            name="organisationId"
            label={t('evaluation.department')}
            rules={[{ required: true, message: t('evaluation.chooseDepartment') }]}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={departmentOptions} loading={organisations.isFetching} />
          </Form.Item>
        ) : (
          <Form.Item
            name="projectId"
            label={t('evaluation.project')}
            rules={[{ required: true, message: t('evaluation.chooseProject') }]}
            extra={
              projects.error
                ? projects.error.message
                : projectOptions.length === 0 && !projects.isFetching
                  ? t('evaluation.noProjects')
                  : undefined
            }
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={projectOptions} loading={projects.isFetching} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
