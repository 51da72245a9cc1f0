import {
  type BudgetLine,
  type CreateProcurementBody,
  PROCUREMENT_CATEGORIES,
  PROCUREMENT_METHODS,
  type ProcurementCategory,
  type ProcurementMethod,
} from '@jixiao/contract';
import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import { changesOf } from '../../../api/control-cache.ts';
import { procurementApi } from '../../../api/endpoints.ts';
import { ControlViolations } from '../../../components/ControlViolations.tsx';
import { requiredAmountRules } from '../../../components/form-rules.ts';
import { MoneyInput } from '../../../components/MoneyInput.tsx';
import { useControlAction } from '../../../components/use-control-action.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { parseMoneyInput } from '../../../lib/money.ts';
import { BudgetLineSelect } from '../shared/BudgetLineSelect.tsx';

interface Values {
  budgetLineId: string;
  code: string;
  title: string;
  requirement: string;
  category: ProcurementCategory;
  estimated: string;
  method: ProcurementMethod;
  methodJustification: string;
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** 登记采购需求 (经办人): the method must suit the amount (限额标准 / 公开招标数额标准), or be justified for the approver. */
export function CreateProcurementModal({
  open,
  organisationId,
  lines,
  onClose,
}: {
  open: boolean;
  organisationId: string;
  lines: readonly BudgetLine[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const action = useControlAction(changesOf.procurement());
  const method = Form.useWatch('method', form);
  const submit = async (values: Values) => {
    const body: CreateProcurementBody = {
      organisationId,
      budgetLineId: values.budgetLineId,
      code: blank(values.code) ?? undefined,
      title: values.title.trim(),
      requirement: blank(values.requirement),
      category: values.category,
      estimated: parseMoneyInput(values.estimated) ?? values.estimated,
      method: values.method,
      methodJustification: blank(values.methodJustification),
    };
    if (await action.run('create', () => procurementApi.create(body), { form, success: t('procurement.created') })) {
      form.resetFields();
      onClose();
    }
  };
  return (
    <Modal
      open={open}
      forceRender
      width={680}
      title={t('procurement.create')}
      okText={t('common.create')}
      confirmLoading={action.busy === 'create'}
      okButtonProps={{ 'data-testid': 'procurement-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ControlViolations violations={action.violations} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ category: 'goods', method: '公开招标' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="budgetLineId" label={t('line.name')} rules={[{ required: true, message: t('payment.lineRequired') }]}>
          <BudgetLineSelect lines={lines} data-testid="procurement-line-select" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item name="title" label={t('procurement.titleField')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
              <Input maxLength={200} data-testid="procurement-title" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="code" label={t('procurement.code')} extra={t('procurement.codeHint')}>
              <Input maxLength={40} data-testid="procurement-code" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="category" label={t('procurement.category')} rules={[{ required: true }]}>
              <Select options={PROCUREMENT_CATEGORIES.map((value) => ({ value, label: t(`procurementCategory.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="estimated"
              label={t('procurement.estimated')}
              rules={requiredAmountRules(t('validation.money'), t('payment.amountPositive'))}
            >
              <MoneyInput data-testid="procurement-estimated" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="method" label={t('procurement.method')} rules={[{ required: true }]}>
              <Select
                options={PROCUREMENT_METHODS.map((value) => ({ value, label: t(`procurementMethod.${value}`) }))}
                data-testid="procurement-method"
              />
            </Form.Item>
          </Col>
        </Row>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('procurement.thresholds')} />
        <Form.Item
          name="methodJustification"
          label={t('procurement.methodJustification')}
          extra={method === '单一来源' ? t('procurement.justificationRequired') : t('procurement.justificationHint')}
          rules={[{ max: 1000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="requirement" label={t('procurement.requirement')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
