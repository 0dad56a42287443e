import { h } from 'preact';
import type { Survey } from '../../shared/survey-schema';
import type { Translate } from '../i18n/translate';

export interface TriggerProps {
  trigger: Survey['trigger'];
  expanded: boolean;
  dialogId: string;
  onClick: () => void;
  t: Translate;
}

/** The pre-built on-page trigger: a floating corner button or an edge tab. */
export function Trigger({ trigger, expanded, dialogId, onClick, t }: TriggerProps) {
  if (trigger.type === 'none') return null;
  return (
    <button
      type="button"
      class={`trigger ${trigger.type} ${trigger.position}`}
      aria-haspopup="dialog"
      aria-expanded={expanded}
      aria-controls={dialogId}
      onClick={onClick}
    >
      {trigger.label ?? t('trigger')}
    </button>
  );
}
