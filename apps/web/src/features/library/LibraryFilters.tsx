import { Checkbox, Input, Select, Space } from 'antd';
import type { Dispatch, SetStateAction } from 'react';
import type { LibraryFilter, LibraryListResponse } from '../../api/library-queries.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

interface Props {
  readonly filter: LibraryFilter;
  readonly setFilter: Dispatch<SetStateAction<LibraryFilter>>;
  readonly data: LibraryListResponse | undefined;
  /** The page browses by industry and, for maintainers, retired entries too; the picker by text and type only. */
  readonly full?: boolean;
}

/** Search by text, browse by project type (and industry): the page's and the declaration picker's filters. */
export function LibraryFilters({ filter, setFilter, data, full = false }: Props) {
  const { t } = useI18n();
  const choose = (key: 'category' | 'industry', values: readonly string[] | undefined) => (
    <Select<string>
      allowClear
      style={{ width: 160 }}
      placeholder={`${t(key === 'category' ? 'libraryPage.category' : 'libraryPage.industry')}：${t('libraryPage.all')}`}
      value={filter[key]}
      onChange={(value) => setFilter((current) => ({ ...current, [key]: value }))}
      options={(values ?? []).map((value) => ({ value, label: value }))}
      data-testid={`library-${key}`}
    />
  );
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        style={{ width: 260 }}
        placeholder={t('libraryPage.search')}
        onSearch={(q) => setFilter((current) => ({ ...current, q }))}
        data-testid="library-search"
      />
      {choose('category', data?.categories)}
      {full && choose('industry', data?.industries)}
      {full && data?.permissions.create && (
        <Checkbox
          checked={filter.includeRetired ?? false}
          onChange={(event) => setFilter((current) => ({ ...current, includeRetired: event.target.checked }))}
        >
          {t('libraryPage.includeRetired')}
        </Checkbox>
      )}
    </Space>
  );
}
