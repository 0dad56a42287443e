import { h } from 'preact';
import { useDashboard } from '../state/dashboard-context';

/**
 * Marks a response whose survey params the merchant's server signed and the
 * proxy verified. The word says it; what it means (signed by your server) is
 * in the title for a pointer and in the text for a screen reader, which does
 * not reliably read titles.
 */
export function VerifiedBadge() {
  const { t } = useDashboard();
  const hint = t('verifiedHint');
  return (
    <span class="verified" title={hint}>
      <span aria-hidden="true">✓ </span>
      {t('verifiedBadge')}
      <span class="sr-only"> ({hint})</span>
    </span>
  );
}
