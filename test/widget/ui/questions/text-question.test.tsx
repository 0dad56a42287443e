import { h } from 'preact';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextQuestion } from '../../../../src/widget/ui/questions/text-question';
import { parseSurvey, postPurchase, questionOf } from '../../../shared/fixtures';
import { t } from '../../fixtures';

afterEach(cleanup);

const ids = { control: 'sw-q2', label: 'sw-q2-label', describedBy: undefined };
const why = questionOf(postPurchase, 2, 'Text');

describe('<TextQuestion>', () => {
  it('reports what the visitor types', () => {
    const onChange = vi.fn();
    render(<TextQuestion question={why} value={undefined} onChange={onChange} t={t} ids={ids} invalid={false} />);
    fireEvent.input(screen.getByRole('textbox'), { target: { value: 'Quick delivery' } });
    expect(onChange).toHaveBeenCalledWith('Quick delivery');
  });

  it('is a three-row textarea limited to the survey’s max_length', () => {
    render(<TextQuestion question={why} value={undefined} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    const box = screen.getByRole('textbox');
    expect(box.tagName).toBe('TEXTAREA');
    expect(box.getAttribute('maxlength')).toBe('1000');
    expect(box.getAttribute('rows')).toBe('3');
    expect(box.id).toBe('sw-q2');
  });

  it('is a one-line input when the question is not multiline', () => {
    const survey = parseSurvey({ id: 1, name: 'S', questions: [{ id: 2, question: 'Order number?', answer_type: 'Text', multiline: false, max_length: 20 }] });
    render(<TextQuestion question={questionOf(survey, 2, 'Text')} value="INV-2090" onChange={() => {}} t={t} ids={ids} invalid={false} />);
    const box = screen.getByRole('textbox') as HTMLInputElement;
    expect(box.tagName).toBe('INPUT');
    expect(box.getAttribute('maxlength')).toBe('20');
    expect(box.value).toBe('INV-2090');
  });

  it('shows the current answer and no answer for a non-string value', () => {
    const { rerender } = render(<TextQuestion question={why} value="Fast" onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Fast');
    rerender(<TextQuestion question={why} value={3} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('');
  });

  it('tells assistive technology when it is invalid or required', () => {
    render(<TextQuestion question={{ ...why, required: true }} value="" onChange={() => {}} t={t} ids={{ ...ids, describedBy: 'sw-q2-error' }} invalid />);
    const box = screen.getByRole('textbox');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-required')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe('sw-q2-error');
  });
});
