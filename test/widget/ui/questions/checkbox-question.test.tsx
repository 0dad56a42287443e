import { h } from 'preact';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnswerValue } from '../../../../src/shared/answer';
import { CheckboxQuestion } from '../../../../src/widget/ui/questions/checkbox-question';
import { questionOf, supportCsat } from '../../../shared/fixtures';
import { t } from '../../fixtures';

afterEach(cleanup);

const ids = { control: 'sw-q15', label: 'sw-q15-label', describedBy: undefined };
const improve = questionOf(supportCsat, 15, 'Checkbox');

describe('<CheckboxQuestion>', () => {
  it('shows one checkbox per option, named by the option', () => {
    render(<CheckboxQuestion question={improve} value={undefined} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect(screen.getAllByRole('checkbox').map((c) => c.closest('label')?.textContent)).toEqual([
      'Response time', 'Friendliness', 'Knowledge', 'Follow-up',
    ]);
  });

  it('keeps the survey’s option order however the visitor ticks them', () => {
    let value: AnswerValue | undefined;
    const view = () => <CheckboxQuestion question={improve} value={value} onChange={(next) => { value = next; rerender(view()); }} t={t} ids={ids} invalid={false} />;
    const { rerender } = render(view());
    fireEvent.click(screen.getByRole('checkbox', { name: 'Follow-up' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Response time' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Knowledge' }));
    expect(value).toEqual(['Response time', 'Knowledge', 'Follow-up']);
    expect(screen.getAllByRole('checkbox').map((c) => (c as HTMLInputElement).checked)).toEqual([true, false, true, true]);
  });

  it('removes an option the visitor unticks', () => {
    const onChange = vi.fn();
    render(<CheckboxQuestion question={improve} value={['Response time', 'Knowledge']} onChange={onChange} t={t} ids={ids} invalid={false} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Response time' }));
    expect(onChange).toHaveBeenCalledWith(['Knowledge']);
  });

  it('reports an empty list when the last tick is removed', () => {
    const onChange = vi.fn();
    render(<CheckboxQuestion question={improve} value={['Friendliness']} onChange={onChange} t={t} ids={ids} invalid={false} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Friendliness' }));
    expect(onChange).toHaveBeenCalledWith([]);
  });
});
