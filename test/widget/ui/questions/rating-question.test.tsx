import { h } from 'preact';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RatingQuestion } from '../../../../src/widget/ui/questions/rating-question';
import { parseSurvey, postPurchase, questionOf, supportCsat } from '../../../shared/fixtures';
import { t } from '../../fixtures';

afterEach(cleanup);

const ids = { control: 'sw-q1', label: 'sw-q1-label', describedBy: undefined };
const nps = questionOf(postPurchase, 1, 'Rating');
const custom = questionOf(supportCsat, 12, 'Rating');

/** The text of the elements an element's aria-describedby points at. */
function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`)
    .join(' | ');
}

describe('<RatingQuestion>', () => {
  it('shows an NPS question as eleven radios named 0 to 10', () => {
    render(<RatingQuestion question={nps} value={undefined} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect(screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    );
    expect(screen.getByRole('radio', { name: '0' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '10' })).toBeTruthy();
  });

  it('gives the first radio the control id, so the question label points at it', () => {
    render(<RatingQuestion question={nps} value={undefined} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect(screen.getByRole('radio', { name: '0' }).id).toBe('sw-q1');
  });

  it('reports the chosen score as a number', () => {
    const onChange = vi.fn();
    render(<RatingQuestion question={nps} value={undefined} onChange={onChange} t={t} ids={ids} invalid={false} />);
    fireEvent.click(screen.getByRole('radio', { name: '7' }));
    expect(onChange).toHaveBeenCalledWith(7);
  });

  it('reports a score of 0 as the number 0', () => {
    const onChange = vi.fn();
    render(<RatingQuestion question={nps} value={5} onChange={onChange} t={t} ids={ids} invalid={false} />);
    fireEvent.click(screen.getByRole('radio', { name: '0' }));
    expect(onChange).toHaveBeenCalledWith(0);
  });

  it('shows the current score as checked', () => {
    render(<RatingQuestion question={nps} value={8} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked).map((r) => r.closest('label')?.textContent)).toEqual(['8']);
  });

  it('describes every point with the NPS end labels', () => {
    render(<RatingQuestion question={nps} value={undefined} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect(screen.getByText('Not at all likely')).toBeTruthy();
    expect(screen.getByText('Extremely likely')).toBeTruthy();
    expect(description(screen.getByRole('radio', { name: '5' }))).toBe('Not at all likelyExtremely likely');
  });

  it('shows a CSAT question as 1 to 5 with its end labels', () => {
    const csat = questionOf(supportCsat, 11, 'Rating');
    render(<RatingQuestion question={csat} value={undefined} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect(screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['1', '2', '3', '4', '5']);
    expect(screen.getByText('Very dissatisfied')).toBeTruthy();
    expect(screen.getByText('Very satisfied')).toBeTruthy();
  });

  it('shows a custom scale with the survey’s own end labels', () => {
    render(<RatingQuestion question={custom} value={undefined} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect(screen.getAllByRole('radio')).toHaveLength(7);
    expect(description(screen.getByRole('radio', { name: '1' }))).toBe('Very hardVery easy');
  });

  it('shows no end labels on a custom scale that has none', () => {
    const bare = parseSurvey({ id: 1, name: 'S', questions: [{ id: 1, question: 'Q', answer_type: 'Rating', scale: { min: 1, max: 3 } }] });
    const question = questionOf(bare, 1, 'Rating');
    render(<RatingQuestion question={question} value={undefined} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect(description(screen.getByRole('radio', { name: '1' }))).toBe('');
  });

  it('keeps the help and error description after the end labels, and marks every point invalid', () => {
    render(<div><p id="sw-q1-error">Please answer this question.</p>
      <RatingQuestion question={nps} value={undefined} onChange={() => {}} t={t} ids={{ ...ids, describedBy: 'sw-q1-error' }} invalid />
    </div>);
    const radio = screen.getByRole('radio', { name: '3' });
    expect(description(radio)).toBe('Not at all likelyExtremely likely | Please answer this question.');
    expect(screen.getAllByRole('radio').every((r) => r.getAttribute('aria-invalid') === 'true')).toBe(true);
  });
});
