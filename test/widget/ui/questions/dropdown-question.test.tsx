import { h } from 'preact';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DropdownQuestion } from '../../../../src/widget/ui/questions/dropdown-question';
import { postPurchase, questionOf } from '../../../shared/fixtures';
import { t } from '../../fixtures';

afterEach(cleanup);

const ids = { control: 'sw-q3', label: 'sw-q3-label', describedBy: undefined };
const store = questionOf(postPurchase, 3, 'Dropdown');

describe('<DropdownQuestion>', () => {
  it('offers a placeholder, then every option in order', () => {
    render(<DropdownQuestion question={store} value={undefined} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose an option', 'newcastle', 'leeds', 'online']);
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('');
  });

  it('reports the chosen option', () => {
    const onChange = vi.fn();
    render(<DropdownQuestion question={store} value={undefined} onChange={onChange} t={t} ids={ids} invalid={false} />);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'leeds' } });
    expect(onChange).toHaveBeenCalledWith('leeds');
  });

  it('shows a preselected option', () => {
    render(<DropdownQuestion question={store} value="online" onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('online');
  });

  it('lets the visitor go back to no choice only when the question is optional', () => {
    const { rerender } = render(<DropdownQuestion question={store} value={undefined} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect((screen.getByRole('option', { name: 'Choose an option' }) as HTMLOptionElement).disabled).toBe(false);
    rerender(<DropdownQuestion question={{ ...store, required: true }} value={undefined} onChange={() => {}} t={t} ids={ids} invalid={false} />);
    expect((screen.getByRole('option', { name: 'Choose an option' }) as HTMLOptionElement).disabled).toBe(true);
  });

  it('carries the control id and the invalid state', () => {
    render(<DropdownQuestion question={store} value={undefined} onChange={() => {}} t={t} ids={ids} invalid />);
    const select = screen.getByRole('combobox');
    expect(select.id).toBe('sw-q3');
    expect(select.getAttribute('aria-invalid')).toBe('true');
  });
});
