import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AcceptMilestoneBody, ContractDetail, Milestone } from '@jixiao/contract';
import { Button, Col, Form, Input, Modal, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useUsers } from '../../../api/admin-queries.ts';
import { changesOf } from '../../../api/control-cache.ts';
import { contractApi } from '../../../api/endpoints.ts';
import { useSession } from '../../../auth/SessionProvider.tsx';
import { ControlViolations } from '../../../components/ControlViolations.tsx';
import { requiredAmountRules } from '../../../components/form-rules.ts';
import { Money } from '../../../components/Money.tsx';
import { MoneyInput } from '../../../components/MoneyInput.tsx';
import { useControlAction } from '../../../components/use-control-action.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { parseMoneyInput } from '../../../lib/money.ts';

interface Values {
  note: string;
  withAssets: boolean;
  custodianId: string | null;
  assets: { name: string; category: string; value: string; location: string; custodianId: string | null }[];
}

/**
 * 验收 of one milestone (by someone of the unit other than the signer), optionally carding the
 * delivered goods as assets kept by someone other than the accepter (验收 / 保管 分离).
 */
export function AcceptMilestoneModal({
  contract,
  milestone,
  onClose,
}: {
  contract: ContractDetail;
  milestone: Milestone | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const [form] = Form.useForm<Values>();
  const action = useControlAction(changesOf.contract());
  const withAssets = Form.useWatch('withAssets', form) ?? false;
  const users = useUsers(milestone !== null);
  const people = (users.data?.items ?? [])
    .filter((user) => user.id !== session?.user.id)
    .map((user) => ({ value: user.id, label: `${user.displayName}${t('common.paren', { text: user.username })}` }));
  const { clearViolations } = action;
  const milestoneId = milestone?.id;

  useEffect(() => {
    if (!milestoneId) return;
    form.resetFields();
    clearViolations();
  }, [milestoneId, form, clearViolations]);

  const submit = async (values: Values) => {
    if (!milestone) return;
    const body: AcceptMilestoneBody = {
      version: milestone.version,
      note: values.note.trim(),
      ...(values.withAssets
        ? {
            custodianId: values.custodianId ?? undefined,
            assets: values.assets.map((asset) => ({
              name: asset.name.trim(),
              category: asset.category.trim(),
              value: parseMoneyInput(asset.value) ?? asset.value,
              location: asset.location.trim(),
              custodianId: asset.custodianId ?? undefined,
            })),
          }
        : {}),
    };
    if (
      await action.run('accept', () => contractApi.accept(contract.id, milestone.id, body), { form, success: t('contract.acceptedToast') })
    )
      onClose();
  };

  return (
    <Modal
      open={milestone !== null}
      forceRender
      width={760}
      title={milestone ? t('contract.acceptTitle', { description: milestone.description }) : ''}
      okText={t('contract.accept')}
      okButtonProps={{ loading: action.busy === 'accept', 'data-testid': 'accept-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ControlViolations violations={action.violations} />
      {milestone && (
        <Typography.Paragraph>
          {t('contract.milestoneAmount')}: <Money value={milestone.amount} />
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ withAssets: false, assets: [{ name: '', category: '', value: '', location: '', custodianId: null }] }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="note"
          label={t('contract.acceptNote')}
          rules={[{ required: true, whitespace: true, message: t('contract.acceptNoteRequired') }, { max: 1000 }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="accept-note" />
        </Form.Item>
        <Form.Item name="withAssets" label={t('contract.withAssets')} valuePropName="checked" extra={t('contract.withAssetsHint')}>
          <Switch data-testid="accept-with-assets" />
        </Form.Item>
        {withAssets && (
          <>
            <Form.Item
              name="custodianId"
              label={t('contract.custodian')}
              rules={[{ required: true, message: t('contract.custodianRequired') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={people}
                loading={users.isFetching}
                data-testid="accept-custodian"
              />
            </Form.Item>
            <Form.List name="assets">
              {(fields, { add, remove }) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {fields.map((field) => (
                    <Row key={field.key} gutter={8}>
                      <Col xs={24} sm={7}>
                        <Form.Item
                          name={[field.name, 'name']}
                          rules={[{ required: true, whitespace: true, message: t('asset.name') }]}
                          style={{ marginBottom: 8 }}
                        >
                          <Input placeholder={t('asset.name')} maxLength={200} data-testid={`accept-asset-name-${field.name}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} sm={4}>
                        <Form.Item
                          name={[field.name, 'category']}
                          rules={[{ required: true, whitespace: true, message: t('asset.category') }]}
                          style={{ marginBottom: 8 }}
                        >
                          <Input placeholder={t('asset.category')} maxLength={60} data-testid={`accept-asset-category-${field.name}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} sm={5}>
                        <Form.Item
                          name={[field.name, 'value']}
                          rules={requiredAmountRules(t('validation.money'), t('payment.amountPositive'))}
                          style={{ marginBottom: 8 }}
                        >
                          <MoneyInput placeholder={t('asset.value')} data-testid={`accept-asset-value-${field.name}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={22} sm={6}>
                        <Form.Item
                          name={[field.name, 'location']}
                          rules={[{ required: true, whitespace: true, message: t('asset.location') }]}
                          style={{ marginBottom: 8 }}
                        >
                          <Input placeholder={t('asset.location')} maxLength={200} data-testid={`accept-asset-location-${field.name}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={2} sm={2}>
                        <Button
                          icon={<DeleteOutlined />}
                          disabled={fields.length === 1}
                          onClick={() => remove(field.name)}
                          aria-label={t('common.delete')}
                        />
                      </Col>
                    </Row>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ name: '', category: '', value: '', location: '', custodianId: null })}
                    data-testid="accept-asset-add"
                  >
                    {t('contract.addAsset')}
                  </Button>
                </Space>
              )}
            </Form.List>
          </>
        )}
      </Form>
    </Modal>
  );
}
