// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CheckboxField, scale, SelectField, TextArea, TextField } from '@/components/ui/Field';
import { RadioGroup } from '@/components/ui/RadioGroup';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

describe('the form fields', () => {
  it('name the control by its label and read its hint and error with it', () => {
    render(
      <TextField
        label="Audit name"
        hint="As the client calls it"
        value={signal('')}
        error={{ key: 'panelErrorAuditName' }}
      />,
    );
    const input = screen.getByRole('textbox', { name: 'Audit name' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['As the client calls it', 'Give the audit a name.']);
  });

  it('write to a signal, or hand the value to a callback', () => {
    const name = signal('');
    const onValue = vi.fn();
    render(
      <>
        <TextField label="Name" value={name} />
        <TextArea id="note" label="Note" value="" onValue={onValue} />
      </>,
    );
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Ana' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'slow' } });
    expect(name.value).toBe('Ana');
    expect(onValue).toHaveBeenCalledWith('slow');
    expect(screen.getByRole('textbox', { name: 'Note' }).id).toBe('note');
  });

  it('take an error already worded, and no error at all', () => {
    render(
      <SelectField label="Severity" value="1" options={scale([0, 1], String)} onChange={() => {}} error="Pick one." />,
    );
    const select = screen.getByRole('combobox', { name: 'Severity' });
    expect(screen.getByText('Pick one.').id).toBe(select.getAttribute('aria-describedby'));
    expect([...select.querySelectorAll('option')].map((o) => o.value)).toEqual(['0', '1']);
  });

  it('put a checkbox before its label, and a group of radios under its question', () => {
    const checked = signal(false);
    const onChange = vi.fn();
    render(
      <>
        <CheckboxField label="Mask all page text" checked={checked} />
        <RadioGroup
          legend="Goal achieved?"
          name="goal"
          value="yes"
          options={scale([1, 2], String)}
          onChange={onChange}
        />
      </>,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mask all page text' }));
    expect(checked.value).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: '2' }));
    expect(onChange).toHaveBeenCalledWith('2');
    expect(screen.getByRole('group', { name: 'Goal achieved?' })).toBeTruthy();
  });
});
