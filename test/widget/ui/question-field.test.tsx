import { h } from 'preact';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuestionField } from '../../../src/widget/ui/question-field';
import { postPurchase, questionOf, supportCsat } from '../../shared/fixtures';
import { t } from '../fixtures';

afterEach(cleanup);

const nps = questionOf(postPurchase, 1, 'Rating');
const why = questionOf(postPurchase, 2, 'Text');
const improve = questionOf(supportCsat, 15, 'Checkbox');

describe('<QuestionField>', () => {
  it('labels a single control with the question text', () => {
    render(<QuestionField question={why} value={undefined} onChange={() => {}} error={undefined} t={t} />);
    expect(screen.getByLabelText('What is the main reason for your score?').tagName).toBe('TEXTAREA');
  });

  it('groups a rating under a legend with the question text', () => {
    render(<QuestionField question={nps} value={undefined} onChange={() => {}} error={undefined} t={t} />);
    const group = screen.getByRole('group', { name: /How likely are you to recommend Acme/ });
    expect(group.tagName).toBe('FIELDSET');
    expect(group.querySelectorAll('input[type=radio]')).toHaveLength(11);
  });

  it('marks a required question with a star that screen readers skip', () => {
    render(<QuestionField question={nps} value={undefined} onChange={() => {}} error={undefined} t={t} />);
    const star = screen.getByText('*');
    expect(star.getAttribute('aria-hidden')).toBe('true');
    expect(star.closest('legend')?.textContent).toBe('How likely are you to recommend Acme to a friend or colleague?*');
  });

  it('shows no star on an optional question', () => {
    render(<QuestionField question={why} value={undefined} onChange={() => {}} error={undefined} t={t} />);
    expect(screen.queryByText('*')).toBeNull();
  });

  it('shows the help text and ties it to the controls', () => {
    render(<QuestionField question={improve} value={undefined} onChange={() => {}} error={undefined} t={t} />);
    const help = screen.getByText('Pick all that apply.');
    expect(screen.getByRole('checkbox', { name: 'Knowledge' }).getAttribute('aria-describedby')).toBe(help.id);
  });

  it('reports changes with the question id', () => {
    const onChange = vi.fn();
    render(<QuestionField question={nps} value={undefined} onChange={onChange} error={undefined} t={t} />);
    fireEvent.click(screen.getByRole('radio', { name: '9' }));
    expect(onChange).toHaveBeenCalledWith(1, 9);
  });

  it('announces an error and ties it to the control as its description', () => {
    render(<QuestionField question={why} value={undefined} onChange={() => {}} error="Please answer this question." t={t} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Please answer this question.');
    const box = screen.getByRole('textbox');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe(alert.id);
  });

  it('describes a control by its help text and then its error', () => {
    render(<QuestionField question={improve} value={undefined} onChange={() => {}} error="Please check this answer." t={t} />);
    const help = screen.getByText('Pick all that apply.');
    const alert = screen.getByRole('alert');
    expect(screen.getByRole('checkbox', { name: 'Friendliness' }).getAttribute('aria-describedby')).toBe(`${help.id} ${alert.id}`);
  });

  it('shows no alert and no description when all is well', () => {
    render(<QuestionField question={why} value="Fast" onChange={() => {}} error={undefined} t={t} />);
    expect(screen.queryByRole('alert')).toBeNull();
    const box = screen.getByRole('textbox');
    expect(box.getAttribute('aria-invalid')).toBe('false');
    expect(box.hasAttribute('aria-describedby')).toBe(false);
  });
});
