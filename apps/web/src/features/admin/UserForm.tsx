import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES } from '@jixiao/contract';
import { Button, Form, type FormInstance, Input, Select, Space, TreeSelect } from 'antd';
import type { Role } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type OrganisationNode, organisationTreeSelect } from './organisation-tree.ts';

export interface UserValues {
  username: string;
  displayName: string;
  organisationId: string;
  phone: string | null;
  roles: { role: Role; organisationId: string }[];
}

/** A user's fields; roles are granted over an organisation (and what is below it). */
export function UserForm({
  form,
  creating,
  tree,
  onFinish,
}: {
  form: FormInstance<UserValues>;
  creating: boolean;
  tree: readonly OrganisationNode[];
  onFinish: (values: UserValues) => void;
}) {
  const { t } = useI18n();
  const treeData = organisationTreeSelect(tree);
  return (
    <Form<UserValues> form={form} layout="vertical" onFinish={onFinish}>
      <Form.Item
        name="username"
        label={t('user.username')}
        rules={[
          { required: true, message: t('user.usernameRequired') },
          { pattern: /^[A-Za-z0-9._-]{2,50}$/, message: t('user.usernamePattern') },
        ]}
      >
        <Input disabled={!creating} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('user.displayName')}
        rules={[{ required: true, whitespace: true, message: t('user.displayNameRequired') }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="organisationId" label={t('user.organisation')} rules={[{ required: true, message: t('user.organisationRequired') }]}>
        <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} disabled={!creating} />
      </Form.Item>
      <Form.Item name="phone" label={t('user.phone')}>
        <Input maxLength={50} inputMode="tel" />
      </Form.Item>
      <Form.Item label={t('user.roles')} required>
        <Form.List
          name="roles"
          rules={[
            {
              validator: (_rule, value: unknown[] | undefined) =>
                value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('user.rolesRequired'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <Space.Compact key={field.key} style={{ width: '100%' }}>
                  <Form.Item name={[field.name, 'role']} noStyle rules={[{ required: true }]}>
                    <Select style={{ width: '40%' }} options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'organisationId']} noStyle rules={[{ required: true }]}>
                    <TreeSelect style={{ width: '60%' }} treeData={treeData} treeDefaultExpandAll placeholder={t('user.roleScope')} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                </Space.Compact>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ role: 'preparer', organisationId: form.getFieldValue('organisationId') })}
              >
                {t('user.addRole')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Space>
          )}
        </Form.List>
      </Form.Item>
    </Form>
  );
}
