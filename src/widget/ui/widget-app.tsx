import { h } from 'preact';
import type { WidgetController, WidgetState } from '../widget-controller';
import { Popover } from './popover';
import { SurveyForm } from './survey-form';
import { Trigger } from './trigger';

export interface WidgetAppProps {
  state: WidgetState;
  controller: WidgetController;
  /** Unique per widget on the page; prefixes the dialog's ids. */
  id: string;
  /** The popover has been shown once; it then stays mounted, hidden, so answers survive closing. */
  opened: boolean;
}

/**
 * One widget: the pre-built trigger and the popover, a pure view of its
 * state. Nothing shows until the survey has loaded; a load problem is the
 * merchant's to fix and goes to the console, not to the visitor.
 */
export function WidgetApp({ state, controller, id, opened }: WidgetAppProps) {
  const { load, t } = state;
  if (load.status !== 'ready') return null;
  const dialogId = `${id}-dialog`;
  return (
    <div class="root" dir={/^(ar|he)\b/.test(state.locale) ? 'rtl' : 'ltr'} lang={state.locale} data-theme={controller.widget.theme ?? 'light'}>
      <Trigger trigger={load.survey.trigger} expanded={state.open} dialogId={dialogId} onClick={controller.toggle} t={t} />
      {opened && (
        <Popover id={dialogId} title={load.survey.title ?? load.survey.name} onClose={() => controller.setOpen(false)} t={t}>
          <SurveyForm state={state} survey={load.survey} controller={controller} />
        </Popover>
      )}
    </div>
  );
}
