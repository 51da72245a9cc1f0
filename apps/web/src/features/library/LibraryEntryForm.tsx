import type { SaveLibraryEntry } from '@jixiao/contract';
import { DIRECTION, LEVEL1, LEVEL2_OF } from '@jixiao/contract';
import { Col, Form, Input, Modal, Row, Select } from 'antd';
import { type LibraryRow, useLibraryWrites } from '../../api/library-queries.ts';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import { saveBodyOf } from './library-view.ts';

const BLANK: SaveLibraryEntry = { code: '', category: '', level1: 'output', level2: 'quantity', name: '', direction: '>=' };

/** New or edited entry, for maintainers; the server names the field and value of any refusal (duplicate code, direction). */
export function LibraryEntryForm({ entry, onClose }: { entry: LibraryRow | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<SaveLibraryEntry>();
  const { create, update } = useLibraryWrites();
  const { write, saving } = useWrite();
  const level1 = Form.useWatch('level1', form) ?? entry?.level1 ?? 'output';
  const submit = async (values: SaveLibraryEntry) => {
    const ok = await write(
      () => (entry ? update.mutateAsync({ id: entry.id, body: { ...values, version: entry.version } }) : create.mutateAsync(values)),
      { form },
    );
    if (ok) onClose();
  };
  const text = (name: keyof SaveLibraryEntry, label: MessageKey, required = false, area = false) => (
    <Form.Item name={name} label={t(label)} rules={required ? [{ required: true }] : undefined}>
      {area ? <Input.TextArea autoSize={{ minRows: 2 }} /> : <Input data-testid={`library-form-${name}`} />}
    </Form.Item>
  );
  return (
    <Modal
      open
      width={760}
      title={entry ? `${t('libraryPage.edit')} ${entry.code}` : t('libraryPage.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
    >
      <Form<SaveLibraryEntry> form={form} layout="vertical" initialValues={entry ? saveBodyOf(entry) : BLANK} onFinish={submit}>
        <Row gutter={12}>
          <Col span={8}>{text('code', 'libraryPage.code', true)}</Col>
          <Col span={8}>{text('category', 'libraryPage.category', true)}</Col>
          <Col span={8}>{text('industry', 'libraryPage.industry')}</Col>
          <Col span={8}>
            <Form.Item name="level1" label={t('libraryPage.level1')}>
              <Select
                options={LEVEL1.map((value) => ({ value, label: t(`level1.${value}`) }))}
                onChange={(value: SaveLibraryEntry['level1']) => form.setFieldValue('level2', LEVEL2_OF[value][0])}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="level2" label={t('libraryPage.level2')}>
              <Select options={LEVEL2_OF[level1].map((value) => ({ value, label: t(`level2.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="direction" label={t('libraryPage.direction')}>
              <Select options={DIRECTION.map((value) => ({ value, label: t(`direction.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col span={16}>{text('name', 'libraryPage.name', true)}</Col>
          <Col span={8}>{text('unit', 'libraryPage.unit')}</Col>
          <Col span={24}>{text('description', 'libraryPage.description', false, true)}</Col>
          <Col span={24}>{text('formula', 'libraryPage.formula')}</Col>
          <Col span={12}>{text('dataSource', 'libraryPage.dataSource')}</Col>
          <Col span={12}>{text('evidence', 'libraryPage.evidence')}</Col>
          <Col span={12}>{text('targetHint', 'libraryPage.targetHint')}</Col>
          <Col span={12}>{text('source', 'libraryPage.source')}</Col>
        </Row>
      </Form>
    </Modal>
  );
}
