import { h } from 'preact';
import { useDashboard } from '../state/dashboard-context';

export interface PageLinksProps {
  page: number;
  pages: number;
  /** The link to page `n`. */
  hrefFor(page: number): string;
}

/** "Page 2 of 7" between Previous and Next links; a link per page, so Back steps back through them. */
export function PageLinks({ page, pages, hrefFor }: PageLinksProps) {
  const { t, fmt } = useDashboard();
  return (
    <nav class="pager" aria-label={t('pagingLabel')}>
      {page > 1 ? (
        <a class="secondary" href={hrefFor(page - 1)}>
          {t('previousPage')}
        </a>
      ) : (
        <span class="secondary" aria-disabled="true">
          {t('previousPage')}
        </span>
      )}
      <span class="page-of">{t('pageOf', { page: fmt.number(page), pages: fmt.number(pages) })}</span>
      {page < pages ? (
        <a class="secondary" href={hrefFor(page + 1)}>
          {t('nextPage')}
        </a>
      ) : (
        <span class="secondary" aria-disabled="true">
          {t('nextPage')}
        </span>
      )}
    </nav>
  );
}
