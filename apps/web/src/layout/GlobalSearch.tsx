import { SearchOutlined } from '@ant-design/icons';
import { SEARCH_KINDS, type SearchHit } from '@jixiao/contract';
import { AutoComplete, Flex, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { useSearch } from '../api/search-queries.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/zh.ts';
import { formatMoney, fromFen } from '../lib/money.ts';

/** Typing pauses this long before the server is asked: one request per word, not per keystroke. */
const PAUSE_MS = 250;

const STATUS_KEY: Readonly<Record<SearchHit['kind'], string>> = {
  evaluation: 'status',
  declaration: 'search.declarationStatus',
  payment: 'paymentStatus',
  contract: 'search.contractStatus',
};

/**
 * 全局搜索 in the header: projects (their evaluations and declarations), payees and contracts the
 * reader may open, grouped by kind; choosing a hit opens its page.
 */
export function GlobalSearch({ width }: { width: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAsked(text), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useSearch(asked);
  const hits = asked.trim() ? (results.data?.items ?? []) : [];

  const options = SEARCH_KINDS.map((kind) => ({
    label: t(`search.kind.${kind}`),
    options: hits.filter((hit) => hit.kind === kind).map((hit) => ({ value: hit.link, label: <HitLine hit={hit} /> })),
  })).filter((group) => group.options.length > 0);

  const notFound = !asked.trim()
    ? null
    : results.isError
      ? t('search.failed', { message: results.error instanceof ApiError ? results.error.message : String(results.error) })
      : results.isFetching && hits.length === 0
        ? t('search.searching')
        : t('search.none', { q: asked.trim() });

  return (
    <AutoComplete
      value={text}
      options={options}
      onSearch={setText}
      onChange={setText}
      onSelect={(link: string) => {
        setText('');
        setAsked('');
        void navigate(link);
      }}
      notFoundContent={notFound}
      style={{ width }}
      popupMatchSelectWidth={Math.max(width, 420)}
      data-testid="global-search"
    >
      <Input allowClear prefix={<SearchOutlined />} placeholder={t('search.placeholder')} aria-label={t('search.label')} />
    </AutoComplete>
  );
}

function HitLine({ hit }: { hit: SearchHit }) {
  const { t } = useI18n();
  const facts = [
    hit.code,
    hit.amountFen === null ? null : `${formatMoney(fromFen(BigInt(hit.amountFen)))} ${t('common.yuan')}`,
    t(`${STATUS_KEY[hit.kind]}.${hit.status}` as MessageKey),
    `${hit.organisationName} · ${t('search.year', { year: hit.fiscalYear })}`,
  ].filter(Boolean);
  return (
    <Flex vertical data-testid={`search-hit-${hit.kind}`}>
      <Typography.Text ellipsis>{hit.title}</Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
        {facts.join(' · ')}
      </Typography.Text>
    </Flex>
  );
}
