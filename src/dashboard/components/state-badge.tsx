import { h } from 'preact';
import type { InvitationState } from '../routing/route';
import { useDashboard } from '../state/dashboard-context';
import type { DashboardStringKey } from '../i18n/en';

export const STATE_LABELS: Record<InvitationState, DashboardStringKey> = {
  pending: 'statePending',
  sent: 'stateSent',
  not_sent: 'stateNotSent',
};

/** An invitation's state as a badge: its name in words, the colour only a second cue. */
export function StateBadge({ state }: { state: InvitationState }) {
  const { t } = useDashboard();
  return <span class={`state ${state}`}>{t(STATE_LABELS[state])}</span>;
}
