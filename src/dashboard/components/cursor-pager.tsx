import { h } from 'preact';
import { useDashboard } from '../state/dashboard-context';

export interface CursorPagerProps {
  /** False on the first page. */
  hasNewer: boolean;
  /** False on the last page (no next_cursor). */
  hasOlder: boolean;
  onNewer(): void;
  onOlder(): void;
}

/** Newer / Older buttons for a keyset-paged list. */
export function CursorPager({ hasNewer, hasOlder, onNewer, onOlder }: CursorPagerProps) {
  const { t } = useDashboard();
  return (
    <nav class="pager" aria-label={t('pagingLabel')}>
      <button class="secondary" type="button" disabled={!hasNewer} onClick={onNewer}>
        {t('newer')}
      </button>
      <button class="secondary" type="button" disabled={!hasOlder} onClick={onOlder}>
        {t('older')}
      </button>
    </nav>
  );
}
