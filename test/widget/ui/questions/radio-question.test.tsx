import { h } from 'preact';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RadioQuestion } from '../../../../src/widget/ui/questions/radio-question';
import { questionOf, supportCsat } from '../../../shared/fixtures';
import { t } from '../../fixtures';

afterEach(cleanup);

const ids = { control: 'sw-q13', label: 'sw-q13-label', describedBy: undefined };
const contact = questionOf(supportCsat, 13, 'Radio');

describe('<RadioQuestion>', () => {
  it('shows one radio per option, named by the option, in one group', () => {
    render(<RadioQuestion question={contact} value={undefined} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.closest('label')?.textContent)).toEqual(['Live chat', 'Email', 'Phone']);
    expect(new Set(radios.map((r) => r.name))).toEqual(new Set(['sw-q13']));
  });

  it('reports the chosen option', () => {
    const onChange = vi.fn();
    render(<RadioQuestion question={contact} value={undefined} onChange={onChange} t={t} ids={ids} invalid={false} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Email' }));
    expect(onChange).toHaveBeenCalledWith('Email');
  });

  it('shows the current choice as checked', () => {
    render(<RadioQuestion question={contact} value="Phone" onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect((screen.getByRole('radio', { name: 'Phone' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Email' }) as HTMLInputElement).checked).toBe(false);
  });
});
