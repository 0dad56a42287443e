import { h } from 'preact';
import type { WidgetController, WidgetState } from '../widget-controller';
import { Popover } from './popover';
import { SurveyForm } from './survey-form';
import { Trigger } from './trigger';

export interface WidgetAppProps {
  state: WidgetState;
  controller: WidgetController;
  /** Unique per widget on the page; prefixes the ids of its dialog. */
  id: string;
  /** The popover has been shown once; it then stays mounted, hidden, so answers survive closing. */
  opened: boolean;
}

/**
 * One widget, a pure view of its state: the pre-built trigger and the
 * popover, or (`"display": "inline"`) the survey as a card in the flow of the
 * page, a region labelled by its heading, which takes focus when the page asks
 * to open it. Nothing shows until the survey has loaded; a load problem is the
 * merchant's to fix and goes to the console, not to the visitor.
 */
export function WidgetApp({ state, controller, id, opened }: WidgetAppProps) {
  const { load, t } = state;
  if (load.status !== 'ready') return null;
  const dialogId = `${id}-dialog`;
  const inline = controller.widget.display;
  const title = load.survey.title ?? load.survey.name;
  const form = <SurveyForm state={state} survey={load.survey} controller={controller} />;
  return (
    <div class="root" dir={/^(ar|he)\b/.test(state.locale) ? 'rtl' : 'ltr'} lang={state.locale} data-theme={controller.widget.theme ?? 'light'}>
      {inline ? (
        <section class="inline" aria-label={title}>
          <h2 class="head title" tabIndex={-1}>{title}</h2>
          {form}
        </section>
      ) : (
        <Trigger trigger={load.survey.trigger} expanded={state.open} dialogId={dialogId} onClick={controller.toggle} t={t} />
      )}
      {opened && (
        <Popover id={dialogId} title={title} onClose={() => controller.setOpen(false)} t={t}>
          {form}
        </Popover>
      )}
    </div>
  );
}
