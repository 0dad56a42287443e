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

/** The survey: questions and customer fields, then the thank-you or a retry that keeps every answer. */
export function SurveyForm({ state, survey, controller }: SurveyFormProps) {
  const { t, form, errors, phase } = state;
  const close = () => controller.setOpen(false);
  if (phase === 'sent' || phase === 'failed') {
    const sent = phase === 'sent';
    return (
      <div class="body">
        <StatusPanel
          done={sent}
          title={sent ? (survey.thank_you.title ?? t('thanks_title')) : t('send_failed_title')}
          text={sent ? (survey.thank_you.message ?? t('thanks_text')) : t('send_failed_text')}
        >
          {!sent && <button type="button" class="primary" onClick={() => void controller.submit()}>{t('retry')}</button>}
          <button type="button" class="secondary" onClick={close}>{t('close')}</button>
        </StatusPanel>
      </div>
    );
  }
  const sending = phase === 'sending';
  const submit = (event: Event) => {
    event.preventDefault();
    void controller.submit();
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
