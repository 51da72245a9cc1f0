import { Flex, Select, TreeSelect } from 'antd';
import type { ReactNode } from 'react';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { buildOrganisationTree, organisationTreeSelect } from '../../admin/organisation-tree.ts';
import type { ControlScope } from './use-control-scope.ts';

/** A filter's width: as given on a wide screen, the full width on a phone (the filters then stack). */
export function useFilterWidth(): (width: number) => number | '100%' {
  const isPhone = useIsPhone();
  return (width) => (isPhone ? '100%' : width);
}

/**
 * The organisation (a tree: a department includes its units) and the year of an internal-control
 * page, with page filters beside them. Pages without years (assets) leave the year out.
 */
export function ScopeBar({ scope, children, showYear = true }: { scope: ControlScope; children?: ReactNode; showYear?: boolean }) {
  const { t } = useI18n();
  const width = useFilterWidth();
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
      <TreeSelect
        value={scope.organisationId}
        treeData={organisationTreeSelect(buildOrganisationTree(scope.organisations))}
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title' }}
        placeholder={t('control.organisation')}
        style={{ width: width(340) }}
        onChange={(organisationId: string) => scope.set({ organisationId })}
        aria-label={t('control.organisation')}
        data-testid="scope-organisation"
      />
      {showYear && (
        <Select<number>
          value={scope.fiscalYear}
          options={scope.years.map((year) => ({ value: year, label: t('common.year', { year }) }))}
          placeholder={t('evaluation.fiscalYear')}
          style={{ width: width(120) }}
          onChange={(fiscalYear) => scope.set({ fiscalYear })}
          aria-label={t('evaluation.fiscalYear')}
          data-testid="scope-year"
        />
      )}
      {children}
    </Flex>
  );
}
