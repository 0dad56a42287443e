import { h } from 'preact';
import { answerField } from '../../shared/error-body';
import type { Survey } from '../../shared/survey-schema';
import type { WidgetController, WidgetState } from '../widget-controller';
import { CustomerFields } from './customer-fields';
import { QuestionField } from './question-field';
import { StatusPanel } from './status-panel';

export interface SurveyFormProps {
  state: WidgetState;
  survey: Survey;
  controller: WidgetController;
}

/**
 * The survey: questions and customer fields, then the thank-you. A response
 * the proxy has not confirmed yet is saved and sent later, so it gets the
 * thank-you too, with a note saying so.
 */
export function SurveyForm({ state, survey, controller }: SurveyFormProps) {
  const { t, form, errors, phase } = state;
  if (phase === 'sent' || phase === 'queued') {
    return (
      <div class="body">
        <StatusPanel
          title={survey.thank_you.title ?? t('thanks_title')}
          text={survey.thank_you.message ?? t('thanks_text')}
          note={phase === 'queued' ? t('queued_text') : undefined}
        >
          <button type="button" class="secondary" onClick={() => controller.setOpen(false)}>{t('close')}</button>
        </StatusPanel>
      </div>
    );
  }
  const sending = phase === 'sending';
  const submit = (event: Event) => {
    event.preventDefault();
    controller.submit();
  };
  return (
    <form class="form" noValidate onSubmit={submit}>
      <div class="body">
        {survey.intro && <p class="intro">{survey.intro}</p>}
        {survey.questions.map((q) => (
          <QuestionField key={q.id} question={q} value={form.answers[q.id]} onChange={controller.setAnswer} error={errors[answerField(q.id)]} t={t} />
        ))}
        <CustomerFields fields={survey.customer_fields} values={form.customer} onChange={controller.setCustomer} errors={errors} t={t} />
      </div>
      <div class="foot">
        {state.banner && <p class="banner" role="alert">{state.banner}</p>}
        <button type="submit" class="primary" aria-disabled={sending}>
          {sending && <span class="spinner" aria-hidden="true" />}
          {t(sending ? 'submitting' : 'submit')}
        </button>
      </div>
    </form>
  );
}
