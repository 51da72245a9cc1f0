import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Row, Space, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useAdminWrites, useOrganisations } from '../../api/admin-queries.ts';
import type { Organisation, OrganisationKind } from '../../api/types.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { buildOrganisationTree, childKindOf, type OrganisationNode } from './organisation-tree.ts';

interface Values {
  code: string;
  name: string;
}

type Editing = { mode: 'create'; kind: OrganisationKind; parent: Organisation | null } | { mode: 'rename'; organisation: Organisation };

const KIND_COLOR: Readonly<Record<OrganisationKind, string>> = { 'finance-bureau': 'red', department: 'blue', unit: 'default' };

/** 组织机构: the tree of finance bureau → departments → units; create below a node, rename a node. */
export function OrganisationsPanel() {
  const { t } = useI18n();
  const organisations = useOrganisations();
  const { write: save, saving } = useWrite();
  const { createOrganisation, updateOrganisation } = useAdminWrites();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<Values>();
  const items = organisations.data?.items ?? [];
  const selected = items.find((item) => item.id === selectedId) ?? null;

  const treeData = useMemo(() => {
    const toNode = (node: OrganisationNode): TreeDataNode => ({
      key: node.organisation.id,
      title: (
        <Space size={6}>
          <Tag color={KIND_COLOR[node.organisation.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`organisationKind.${node.organisation.kind}`)}
          </Tag>
          <span>{node.organisation.name}</span>
          <Typography.Text type="secondary">{node.organisation.code}</Typography.Text>
        </Space>
      ),
      children: node.children.map(toNode),
    });
    return buildOrganisationTree(items).map(toNode);
  }, [items, t]);

  const open = (next: Editing) => {
    form.setFieldsValue(next.mode === 'rename' ? { code: next.organisation.code, name: next.organisation.name } : { code: '', name: '' });
    setEditing(next);
  };

  const submit = async (values: Values) => {
    if (!editing) return;
    const ok =
      editing.mode === 'create'
        ? await save(
            () =>
              createOrganisation.mutateAsync({
                kind: editing.kind,
                parentId: editing.parent?.id ?? null,
                code: values.code.trim(),
                name: values.name.trim(),
              }),
            { form },
          )
        : await save(
            () =>
              updateOrganisation.mutateAsync({
                id: editing.organisation.id,
                body: { code: values.code.trim(), name: values.name.trim(), version: editing.organisation.version },
              }),
            { form },
          );
    if (ok) setEditing(null);
  };

  if (organisations.error) return <ApiErrorAlert error={organisations.error} onRetry={() => void organisations.refetch()} />;
  const childKind = childKindOf(selected?.kind ?? null);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Space style={{ marginBottom: 12 }} wrap>
          <Button icon={<PlusOutlined />} onClick={() => open({ mode: 'create', kind: 'finance-bureau', parent: null })}>
            {t('organisation.addBureau')}
          </Button>
        </Space>
        {items.length === 0 && !organisations.isFetching ? (
          <Empty />
        ) : (
          <Tree
            blockNode
            defaultExpandAll
            key={items.length}
            treeData={treeData}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(keys) => setSelectedId(keys[0] === undefined ? null : String(keys[0]))}
            data-testid="organisation-tree"
          />
        )}
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('organisation.selected')}>
          {selected ? (
            <>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'name', label: t('organisation.name'), children: selected.name },
                  { key: 'code', label: t('organisation.code'), children: selected.code },
                  { key: 'kind', label: t('organisation.kind'), children: t(`organisationKind.${selected.kind}`) },
                ]}
              />
              <Space wrap style={{ marginTop: 12 }}>
                <Button icon={<EditOutlined />} onClick={() => open({ mode: 'rename', organisation: selected })}>
                  {t('organisation.rename')}
                </Button>
                {childKind && (
                  <Button icon={<PlusOutlined />} onClick={() => open({ mode: 'create', kind: childKind, parent: selected })}>
                    {t('organisation.addChild', { kind: t(`organisationKind.${childKind}`) })}
                  </Button>
                )}
              </Space>
            </>
          ) : (
            <Typography.Text type="secondary">{t('organisation.selectHint')}</Typography.Text>
          )}
        </Card>
      </Col>
      <Modal
        open={editing !== null}
        title={
          editing?.mode === 'create'
            ? t('organisation.createTitle', { kind: t(`organisationKind.${editing.kind}`), parent: editing.parent?.name ?? '—' })
            : t('organisation.rename')
        }
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        forceRender
      >
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="code"
            label={t('organisation.code')}
            rules={[
              { required: true, whitespace: true, message: t('organisation.codeRequired') },
              { pattern: /^[A-Za-z0-9_-]+$/, message: t('organisation.codePattern') },
            ]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('organisation.name')}
            rules={[{ required: true, whitespace: true, message: t('organisation.nameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
