import { h } from 'preact';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Survey } from '../../../src/shared/survey-schema';
import { CustomerFields } from '../../../src/widget/ui/customer-fields';
import { supportCsat } from '../../shared/fixtures';
import { t } from '../fixtures';

afterEach(cleanup);

const allFields: Survey['customer_fields'] = [
  { field: 'name', required: false },
  { field: 'email', required: true },
  { field: 'telephone_number', required: false },
  { field: 'company_name', required: false },
  { field: 'postcode', required: false },
];

describe('<CustomerFields>', () => {
  it('groups the fields under “Your details”', () => {
    render(<CustomerFields fields={supportCsat.customer_fields} values={{}} onChange={() => {}} errors={{}} t={t} />);
    expect(screen.getByRole('group', { name: 'Your details' })).toBeTruthy();
  });

  it.each([
    ['Name', 'text', 'name'],
    ['Email', 'email', 'email'],
    ['Phone number', 'tel', 'tel'],
    ['Company', 'text', 'organization'],
    ['Postcode', 'text', 'postal-code'],
  ])('labels the %s input, with type %s and autocomplete %s', (label, type, autocomplete) => {
    render(<CustomerFields fields={allFields} values={{}} onChange={() => {}} errors={{}} t={t} />);
    const input = screen.getByLabelText(new RegExp(`^${label}\\*?$`)) as HTMLInputElement;
    expect(input.type).toBe(type);
    expect(input.getAttribute('autocomplete')).toBe(autocomplete);
    expect(input.getAttribute('maxlength')).toBe('100');
  });

  it('marks a required field', () => {
    render(<CustomerFields fields={supportCsat.customer_fields} values={{}} onChange={() => {}} errors={{}} t={t} />);
    expect(screen.getByLabelText('Email*').getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('Name').getAttribute('aria-required')).toBe('false');
  });

  it('uses the survey’s own label when it has one', () => {
    render(<CustomerFields fields={[{ field: 'company_name', required: false, label: 'Practice name' }]} values={{}} onChange={() => {}} errors={{}} t={t} />);
    expect(screen.getByLabelText('Practice name')).toBeTruthy();
  });

  it('shows the prefilled values and reports edits by field', () => {
    const onChange = vi.fn();
    render(<CustomerFields fields={supportCsat.customer_fields} values={{ name: 'Mariner' }} onChange={onChange} errors={{}} t={t} />);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Mariner');
    expect((screen.getByLabelText('Email*') as HTMLInputElement).value).toBe('');
    fireEvent.input(screen.getByLabelText('Email*'), { target: { value: 'mariner@example.com' } });
    expect(onChange).toHaveBeenCalledWith('email', 'mariner@example.com');
  });

  it('announces a field’s error next to it', () => {
    const errors = { 'customer.email': 'Please enter a valid email address, like name@example.com.' };
    render(<CustomerFields fields={supportCsat.customer_fields} values={{ email: 'mariner@' }} onChange={() => {}} errors={errors} t={t} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(errors['customer.email']);
    const email = screen.getByLabelText('Email*');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(alert.id);
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('false');
  });

  it('renders nothing when the survey shows no customer fields', () => {
    const { container } = render(<CustomerFields fields={[]} values={{ name: 'Mariner' }} onChange={() => {}} errors={{}} t={t} />);
    expect(container.innerHTML).toBe('');
  });
});
