import { Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { diffJson } from './json-diff.ts';

/** Before → after of one audit entry, changed leaves only: − old value, + new value. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const lines = diffJson(before, after);
  if (lines.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <pre className="json-diff" data-testid="audit-diff">
      {lines.map((line) => (
        <div key={line.path}>
          <strong>{line.path}</strong>
          {line.before !== undefined && <div className="removed">− {line.before}</div>}
          {line.after !== undefined && <div className="added">+ {line.after}</div>}
        </div>
      ))}
    </pre>
  );
}
