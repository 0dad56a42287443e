import { h } from 'preact';
import type { ResponseSummaryJson } from '../../shared/dashboard/dashboard-replies';
import { useDashboard } from '../state/dashboard-context';
import { TableScroll } from './table-scroll';
import { VerifiedBadge } from './verified-badge';

export interface ResponsesTableProps {
  items: readonly ResponseSummaryJson[];
  /** Rows that arrived while the reader watched: highlighted, and labelled "New" for screen readers. */
  fresh: ReadonlySet<number>;
  /** The detail page's link for a response (it carries the list's filters back). */
  hrefFor(id: number): string;
}

/**
 * One page of responses, newest first; each row's date links to the whole
 * response. On a phone each row becomes a small card (`.stack` in the CSS);
 * the explicit roles keep it a table for screen readers once its display
 * changes, and `data-label` names the numbers that lose their column header.
 */
export function ResponsesTable({ items, fresh, hrefFor }: ResponsesTableProps) {
  const { t, fmt, me } = useDashboard();
  const names = new Map(me.dimensions.filter((d) => d.kind !== 'segment').map((d) => [d.key, new Map(d.members.map((m) => [m.value, m.label]))]));
  const label = (key: string, code: string | null) => (code === null ? t('none') : (names.get(key)?.get(code) ?? code));
  const missing = (value: unknown, name: string) => (value === null ? `${name} none` : name);
  const caption = t('responsesCaption');
  return (
    <TableScroll label={caption}>
      <table class="table stack responses-table" role="table">
        <caption class="sr-only">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">{t('colDate')}</th>
            <th scope="col" role="columnheader">{t('colSurvey')}</th>
            <th scope="col" role="columnheader">{t('colCustomer')}</th>
            <th scope="col" role="columnheader">{t('colSite')}</th>
            <th scope="col" role="columnheader">{t('colStaff')}</th>
            <th scope="col" role="columnheader" class="num">
              {t('colNps')}
            </th>
            <th scope="col" role="columnheader" class="num">
              {t('colCsat')}
            </th>
            <th scope="col" role="columnheader">{t('colExcerpt')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {items.map((item) => (
            <tr key={item.id} role="row" class={fresh.has(item.id) ? 'new' : undefined}>
              <th scope="row" role="rowheader" class="when">
                {fresh.has(item.id) && <span class="sr-only">{t('newLabel')}: </span>}
                <a href={hrefFor(item.id)}>{fmt.dateTime(item.submitted_at)}</a>
              </th>
              <td role="cell" class="survey">{item.survey_name}</td>
              <td role="cell" class={missing(item.customer_name ?? item.email, 'customer')}>
                {item.customer_name ?? item.email ?? t('none')}
                {item.verified && <VerifiedBadge />}
              </td>
              <td role="cell" class={missing(item.site_code, 'site')}>
                {label('site_code', item.site_code)}
              </td>
              <td role="cell" class={missing(item.staff_code, 'staff')}>
                {label('staff_code', item.staff_code)}
              </td>
              <td role="cell" class={missing(item.nps, 'num score')} data-label={t('colNps')}>
                {item.nps === null ? t('none') : fmt.number(item.nps)}
              </td>
              <td role="cell" class={missing(item.csat, 'num score')} data-label={t('colCsat')}>
                {item.csat === null ? t('none') : fmt.number(item.csat)}
              </td>
              <td role="cell" class={missing(item.excerpt, 'excerpt')}>
                {item.excerpt && <span class="clamp">{item.excerpt}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
