import type { BudgetLineDetail } from '@jixiao/contract';
import { Alert, Button, Col, Flex, Form, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { changesOf } from '../../../api/control-cache.ts';
import { budgetApi } from '../../../api/endpoints.ts';
import { moneyRule } from '../../../components/form-rules.ts';
import { MoneyInput } from '../../../components/MoneyInput.tsx';
import { useSave } from '../../../components/use-save.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { compareMoney, formatMoney, parseMoneyInput, subtractMoney, sumMoney } from '../../../lib/money.ts';
import { evenPlan } from './ledger-series.ts';

interface Values {
  months: string[];
}

/**
 * 用款计划: twelve monthly amounts whose sum may not exceed the line's budget (the server refuses
 * it otherwise). The running total is exact; 均分 spreads the budget to the fen.
 */
export function PlanEditor({ line, canEdit }: { line: BudgetLineDetail; canEdit: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { save, saving } = useSave(changesOf.budgetLine());
  const watched = Form.useWatch('months', form);
  const months = watched ?? line.plan;
  const total = sumMoney(months.map((month) => parseMoneyInput(month ?? '')));
  const over = (compareMoney(total, line.budget) ?? 0) > 0;

  useEffect(() => {
    form.setFieldsValue({ months: [...line.plan] });
  }, [form, line]);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={!canEdit}
      onFinish={(values) =>
        void save(
          () =>
            budgetApi.setPlan(line.id, { version: line.version, months: values.months.map((month) => parseMoneyInput(month) ?? month) }),
          { form, success: t('plan.saved') },
        )
      }
      data-testid="plan-form"
    >
      <Row gutter={8}>
        {Array.from({ length: 12 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the twelve months are fixed positions
          <Col key={index} xs={12} sm={8} md={6}>
            <Form.Item
              name={['months', index]}
              label={t('ledger.month', { month: index + 1 })}
              rules={[{ required: true, message: t('validation.money') }, moneyRule(t('validation.money'))]}
              style={{ marginBottom: 8 }}
            >
              <MoneyInput data-testid={`plan-month-${index + 1}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type={over ? 'danger' : 'secondary'} data-testid="plan-total">
          {t('plan.total', { total: formatMoney(total), budget: formatMoney(line.budget) })}
        </Typography.Text>
        {canEdit && (
          <Flex gap={8}>
            <Button
              onClick={() => {
                const even = evenPlan(line.budget);
                if (even) form.setFieldsValue({ months: even });
              }}
            >
              {t('plan.even')}
            </Button>
            <Button type="primary" htmlType="submit" loading={saving} disabled={over} data-testid="plan-save">
              {t('plan.save')}
            </Button>
          </Flex>
        )}
      </Flex>
      {over && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={t('plan.over', { amount: formatMoney(subtractMoney(total, line.budget) ?? '') })}
        />
      )}
    </Form>
  );
}
