import type { AppliedResult, CreateBudgetLineBody, SpendingType } from '@jixiao/contract';
import { Col, Form, Input, Modal, Row, Select } from 'antd';
import { changesOf } from '../../../api/control-cache.ts';
import { budgetApi } from '../../../api/endpoints.ts';
import type { ProjectItem } from '../../../api/types.ts';
import { moneyRule } from '../../../components/form-rules.ts';
import { MoneyInput } from '../../../components/MoneyInput.tsx';
import { useSave } from '../../../components/use-save.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { parseMoneyInput } from '../../../lib/money.ts';
import { useAppliedResultText } from '../../results/AppliedResultNote.tsx';

interface Values {
  code: string;
  name: string;
  spendingType: SpendingType;
  fundingSource: string;
  projectId: string | null;
  initial: string;
  carryOver: string;
}

/** 新建预算指标 (财务审核 or the administrator): code, name, 基本/项目, 资金来源, 年初预算 and 上年结转. */
export function CreateBudgetLineModal({
  open,
  organisationId,
  fiscalYear,
  projects,
  onClose,
}: {
  open: boolean;
  organisationId: string;
  fiscalYear: number;
  projects: readonly ProjectItem[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { save, saving } = useSave(changesOf.budgetLine());
  const appliedText = useAppliedResultText();
  const submit = async (values: Values) => {
    const body: CreateBudgetLineBody = {
      organisationId,
      fiscalYear,
      projectId: values.projectId ?? null,
      code: values.code.trim(),
      name: values.name.trim(),
      spendingType: values.spendingType,
      fundingSource: values.fundingSource.trim(),
      initial: parseMoneyInput(values.initial) ?? values.initial,
      carryOver: values.carryOver ? (parseMoneyInput(values.carryOver) ?? values.carryOver) : undefined,
    };
    const outcome: { applied: AppliedResult | null } = { applied: null };
    const created = await save(
      async () => {
        const response = await budgetApi.create(body);
        outcome.applied = response.appliedResult;
        return response;
      },
      { form, success: t('line.created') },
    );
    if (created) {
      form.resetFields();
      onClose();
      // The amount just set is checked against last year's 结果应用 decision, while it is fresh.
      if (outcome.applied) Modal.info({ title: t('results.applied'), content: appliedText(outcome.applied) });
    }
  };
  return (
    <Modal
      open={open}
      forceRender
      title={t('ledger.lineCreate')}
      okText={t('common.create')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ spendingType: 'project', fundingSource: '一般公共预算' }}
        onFinish={submit}
      >
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="code"
              label={t('line.code')}
              rules={[
                { required: true, whitespace: true },
                { pattern: /^[A-Za-z0-9_-]+$/, message: t('organisation.codePattern') },
              ]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="name" label={t('line.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="spendingType" label={t('line.spendingType')} rules={[{ required: true }]}>
              <Select options={(['basic', 'project'] as const).map((value) => ({ value, label: t(`spendingType.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="fundingSource" label={t('line.fundingSource')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="projectId" label={t('line.project')}>
              <Select allowClear options={projects.map((project) => ({ value: project.id, label: `${project.code} ${project.name}` }))} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="initial"
              label={t('line.initial')}
              rules={[{ required: true, message: t('validation.money') }, moneyRule(t('validation.money'))]}
            >
              <MoneyInput />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="carryOver" label={t('line.carryOver')} rules={[moneyRule(t('validation.money'))]}>
              <MoneyInput />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
