import { h } from 'preact';
import type { ResponseSummaryJson } from '../../shared/dashboard/dashboard-replies';
import { useDashboard } from '../state/dashboard-context';
import { TableScroll } from './table-scroll';

export interface ResponsesTableProps {
  items: readonly ResponseSummaryJson[];
  /** Rows that arrived while the reader watched: highlighted, and labelled "New" for screen readers. */
  fresh: ReadonlySet<number>;
  /** The detail page's link for a response (it carries the list's filters back). */
  hrefFor(id: number): string;
}

/** One page of responses, newest first; each row's date links to the whole response. */
export function ResponsesTable({ items, fresh, hrefFor }: ResponsesTableProps) {
  const { t, fmt, me } = useDashboard();
  const names = new Map(me.dimensions.filter((d) => d.kind !== 'segment').map((d) => [d.key, new Map(d.members.map((m) => [m.value, m.label]))]));
  const label = (key: string, code: string | null) => (code === null ? t('none') : (names.get(key)?.get(code) ?? code));
  const caption = t('responsesCaption');
  return (
    <TableScroll label={caption}>
      <table class="table">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colDate')}</th>
            <th scope="col">{t('colSurvey')}</th>
            <th scope="col">{t('colCustomer')}</th>
            <th scope="col">{t('colSite')}</th>
            <th scope="col">{t('colStaff')}</th>
            <th scope="col" class="num">
              {t('colNps')}
            </th>
            <th scope="col" class="num">
              {t('colCsat')}
            </th>
            <th scope="col">{t('colExcerpt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} class={fresh.has(item.id) ? 'new' : undefined}>
              <th scope="row">
                {fresh.has(item.id) && <span class="sr-only">{t('newLabel')}: </span>}
                <a href={hrefFor(item.id)}>{fmt.dateTime(item.submitted_at)}</a>
              </th>
              <td>{item.survey_name}</td>
              <td>{item.customer_name ?? item.email ?? t('none')}</td>
              <td>{label('site_code', item.site_code)}</td>
              <td>{label('staff_code', item.staff_code)}</td>
              <td class="num">{item.nps === null ? t('none') : fmt.number(item.nps)}</td>
              <td class="num">{item.csat === null ? t('none') : fmt.number(item.csat)}</td>
              <td class="excerpt">{item.excerpt ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
