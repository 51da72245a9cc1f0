import { Input } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's search box: what is typed goes to the server's query (`q`, matched literally), so a paged list
 * searches every record and not just the page shown. Enter or the button searches; clearing shows all again.
 */
export function ListSearch({
  value,
  onSearch,
  placeholder,
  testId,
  width = 240,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  testId: string;
  width?: number | string;
}) {
  return (
    <Input.Search
      // Remounted when the address changes the search, so the box shows what is being searched.
      key={value ?? ''}
      allowClear
      defaultValue={value}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width }}
      maxLength={100}
      data-testid={testId}
      onSearch={(typed) => onSearch(typed.trim() || undefined)}
    />
  );
}

/** A list's search in the address (`?q=`): read, and set or cleared in place, without a new history entry. */
export function useListQuery(): [string | undefined, (q: string | undefined) => void] {
  const [search, setSearch] = useSearchParams();
  const set = useCallback(
    (q: string | undefined) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          if (q) next.set('q', q);
          else next.delete('q');
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return [search.get('q') ?? undefined, set];
}
