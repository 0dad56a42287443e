import { h } from 'preact';
import { useRef } from 'preact/hooks';
import type { ResponseListJson } from '../../shared/dashboard/dashboard-replies';
import { exportQuery, responsesQuery } from '../api/api-query';
import { Card } from '../components/card';
import { CursorPager } from '../components/cursor-pager';
import { EmptyState } from '../components/empty-state';
import { FilterBar } from '../components/filter-bar';
import { LoadState } from '../components/load-state';
import { ResponseFilters } from '../components/response-filters';
import { ResponsesTable } from '../components/responses-table';
import { formatRoute } from '../routing/route';
import type { ResponsesRoute } from '../routing/route';
import { useDashboard } from '../state/dashboard-context';
import { markNewRows, NO_MARKS } from '../state/new-row-ids';
import type { RowMarks } from '../state/new-row-ids';
import { useLiveRefresh } from '../state/use-live-refresh';
import { useResource } from '../state/use-resource';
import { ViewHeading } from './view-heading';

/** New responses show within about half a second of the last one arriving. */
export const RESPONSES_REFRESH_MS = 500;

/**
 * Every response matching the filters, 25 to a page, newest first. On the
 * first page, new responses pushed by the server appear and are marked new.
 */
export function ResponsesView({ route }: { route: ResponsesRoute }) {
  const { t, tn, client, navigate, cursors } = useDashboard();
  const filterKey = exportQuery(route).toString();
  const query = responsesQuery(route);
  const [list, refresh, retry] = useResource(() => client.responses(query), query.toString());
  const firstPage = route.cursor === null;
  useLiveRefresh(refresh, RESPONSES_REFRESH_MS, firstPage);
  // Marked as each list arrives, in render rather than an effect, so a burst of events can never
  // land between a list and its marking (preact runs effects after paint).
  const marks = useRef<{ list: ResponseListJson | null; rows: RowMarks }>({ list: null, rows: NO_MARKS });
  if (list.status === 'ready' && list.value !== marks.current.list) {
    marks.current = { list: list.value, rows: markNewRows(marks.current.rows, list.value.items, list.refreshed) };
  }

  const key = (cursor: string | null) => `${filterKey}|${cursor ?? ''}`;
  return (
    <div>
      <ViewHeading text={t('responsesTitle')} />
      <FilterBar filters={route.filters} onChange={(filters) => navigate({ ...route, filters, cursor: null })} />
      <ResponseFilters list={route.list} onChange={(filters) => navigate({ ...route, list: filters, cursor: null })} />
      <div class="toolbar">
        <p class="total">
          {list.status === 'ready' ? (list.value.total === null ? t('manyResponses') : tn('responses', list.value.total)) : ''}
        </p>
        <a class="secondary" href={client.exportUrl('csv', exportQuery(route))} download>
          {t('exportCsv')}
        </a>
        <a class="secondary" href={client.exportUrl('json', exportQuery(route))} download>
          {t('exportJson')}
        </a>
      </div>
      {list.status !== 'ready' ? (
        <LoadState resource={list} onRetry={retry} />
      ) : (
        <Card title={t('responsesCaption')} wide region={false}>
          {list.value.items.length === 0 ? (
            <EmptyState text={t('noMatches')} />
          ) : (
            <ResponsesTable items={list.value.items} fresh={marks.current.rows.fresh} hrefFor={(id) => formatRoute({ ...route, view: 'response', id })} />
          )}
          <CursorPager
            hasNewer={!firstPage}
            hasOlder={list.value.next_cursor !== null}
            onNewer={() => navigate({ ...route, cursor: cursors.get(key(route.cursor)) || null })}
            onOlder={() => {
              const next = list.value.next_cursor!;
              cursors.set(key(next), route.cursor ?? '');
              navigate({ ...route, cursor: next });
            }}
          />
        </Card>
      )}
    </div>
  );
}
