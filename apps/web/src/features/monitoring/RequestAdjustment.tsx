import { Button, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { useAdjustmentWrites, useDeclarationVersions } from '../../api/adjustment-queries.ts';
import { useWrite } from '../../components/use-write.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * 申请调整 from a monitoring form: the declaration's open request if there is one, else a new request
 * (confirmed) when the adjustment module permits it; either opens on the 目标调整 page.
 */
export function RequestAdjustment({ declarationId }: { declarationId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const versions = useDeclarationVersions(declarationId);
  const writes = useAdjustmentWrites();
  const { write, saving } = useWrite();
  const data = versions.data;
  if (!data) return null;
  const open = data.openAdjustment;
  if (open)
    return (
      <Button onClick={() => void navigate(`/adjustments?open=${open.id}`)} data-testid="monitoring-open-adjustment">
        {t('monitoring.openAdjustment', { status: open.statusLabel })}
      </Button>
    );
  if (!data.permissions.requestAdjustment) return null;
  const request = () =>
    Modal.confirm({
      title: t('monitoring.requestAdjustment'),
      content: t('monitoring.confirmRequestAdjustment'),
      onOk: async () => {
        let id = '';
        const ok = await write(async () => {
          id = (await writes.create.mutateAsync(declarationId)).id;
        });
        if (ok) void navigate(`/adjustments?open=${id}`);
      },
    });
  return (
    <Button loading={saving} onClick={request} data-testid="monitoring-request-adjustment">
      {t('monitoring.requestAdjustment')}
    </Button>
  );
}
