import { h } from 'preact';
import type { Resource } from '../state/use-resource';
import { useDashboard } from '../state/dashboard-context';

export interface LoadStateProps {
  resource: Resource<unknown>;
  onRetry(): void;
}

/** What a view shows before its data: "Loading…", or the server's message with a Try again button. */
export function LoadState({ resource, onRetry }: LoadStateProps) {
  const { t } = useDashboard();
  if (resource.status === 'loading') {
    return (
      <p class="loading" role="status">
        <span class="spinner" aria-hidden="true" /> {t('loading')}
      </p>
    );
  }
  if (resource.status === 'error') {
    return (
      <div class="banner" role="alert">
        <p>{t('loadFailed', { message: resource.message })}</p>
        <button class="secondary" type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      </div>
    );
  }
  return null;
}
