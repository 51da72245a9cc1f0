import { EditOutlined, KeyOutlined, PlusOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Form, Modal, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useAdminWrites, useOrganisations, useUsers } from '../../api/admin-queries.ts';
import type { User } from '../../api/types.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { InitialPasswordModal } from './InitialPasswordModal.tsx';
import { buildOrganisationTree } from './organisation-tree.ts';
import { UserForm, type UserValues } from './UserForm.tsx';

/** 用户: accounts with their roles; create (initial password shown once), edit, disable, unlock, reset password. */
export function UsersPanel() {
  const { t } = useI18n();
  const organisations = useOrganisations();
  const users = useUsers();
  const { write: save, saving } = useWrite();
  const { createUser, updateUser, resetPassword: reset } = useAdminWrites();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [password, setPassword] = useState<{ username: string; password: string } | null>(null);
  const [form] = Form.useForm<UserValues>();
  const tree = buildOrganisationTree(organisations.data?.items ?? []);

  const open = (user: User | 'new') => {
    form.resetFields();
    if (user !== 'new') {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        organisationId: user.organisationId,
        phone: user.phone,
        roles: user.roles.map((grant) => ({ role: grant.role, organisationId: grant.organisationId })),
      });
    }
    setEditing(user);
  };

  const submit = async (values: UserValues) => {
    const phone = values.phone?.trim() || null;
    if (editing === 'new') {
      const username = values.username.trim();
      const ok = await save(
        async () => {
          const result = await createUser.mutateAsync({ ...values, username, displayName: values.displayName.trim(), phone });
          setPassword({ username, password: result.initialPassword });
        },
        { form, success: t('user.created') },
      );
      if (ok) setEditing(null);
      return;
    }
    if (!editing) return;
    const ok = await save(
      () =>
        updateUser.mutateAsync({
          id: editing.id,
          body: { version: editing.version, displayName: values.displayName.trim(), phone, roles: values.roles },
        }),
      { form },
    );
    if (ok) setEditing(null);
  };

  const resetPassword = (user: User) =>
    save(
      async () => {
        const result = await reset.mutateAsync(user.id);
        setPassword({ username: user.username, password: result.initialPassword });
      },
      { success: t('user.passwordReset') },
    );

  if (users.error) return <ApiErrorAlert error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} style={{ marginBottom: 12 }} data-testid="user-create">
        {t('user.create')}
      </Button>
      <Table<User>
        rowKey="id"
        size="small"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('user.username'), dataIndex: 'username', width: 130 },
          { title: t('user.displayName'), dataIndex: 'displayName', width: 140 },
          { title: t('user.organisation'), dataIndex: 'organisationName', width: 220 },
          {
            title: t('user.roles'),
            key: 'roles',
            render: (_value, user) => (
              <Space size={4} wrap>
                {user.roles.map((grant) => (
                  <Tooltip key={`${grant.role}:${grant.organisationId}`} title={grant.organisationName}>
                    <Tag color="blue">{t(`role.${grant.role}`)}</Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
          {
            title: t('common.status'),
            key: 'state',
            width: 150,
            render: (_value, user) => (
              <Space size={4} wrap>
                {user.disabled ? <Tag color="default">{t('user.disabled')}</Tag> : <Tag color="success">{t('user.active')}</Tag>}
                {user.locked && <Tag color="error">{t('user.locked')}</Tag>}
                {user.mustChangePassword && <Tag color="warning">{t('user.mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 200,
            render: (_value, user) => (
              <Space size={4} wrap>
                <Button size="small" icon={<EditOutlined />} onClick={() => open(user)} aria-label={t('common.edit')} />
                <Popconfirm
                  title={
                    user.disabled
                      ? t('user.enableConfirm', { name: user.displayName })
                      : t('user.disableConfirm', { name: user.displayName })
                  }
                  onConfirm={() =>
                    save(() => updateUser.mutateAsync({ id: user.id, body: { version: user.version, disabled: !user.disabled } }))
                  }
                >
                  <Button size="small" icon={<StopOutlined />} danger={!user.disabled}>
                    {user.disabled ? t('user.enable') : t('user.disable')}
                  </Button>
                </Popconfirm>
                {user.locked && (
                  <Button
                    size="small"
                    icon={<UnlockOutlined />}
                    onClick={() =>
                      void save(() => updateUser.mutateAsync({ id: user.id, body: { version: user.version, unlock: true } }), {
                        success: t('user.unlocked'),
                      })
                    }
                  >
                    {t('user.unlock')}
                  </Button>
                )}
                <Popconfirm title={t('user.resetConfirm', { name: user.displayName })} onConfirm={() => resetPassword(user)}>
                  <Button size="small" icon={<KeyOutlined />}>
                    {t('user.resetPassword')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('user.create') : t('user.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        forceRender
        width={640}
      >
        <UserForm form={form} creating={editing === 'new'} tree={tree} onFinish={(values) => void submit(values)} />
      </Modal>
      <InitialPasswordModal shown={password} onClose={() => setPassword(null)} />
    </>
  );
}
