// @vitest-environment happy-dom
import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TaggerApp } from '@/components/tagger/TaggerApp';
import { harness, storedTag } from '../tagging/harness';
import { byId, hitTesting, travelPage } from '../tagging/support';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());
// The forms live in an extension page framed by the tagger; here that page is linked in place.
vi.mock('@/components/tagger/FormFrame', async () => ({ FormFrame: (await import('./frame-stub')).StubFormFrame }));

beforeEach(() => {
  travelPage(document);
  hitTesting(document);
});

function mount(opts: Parameters<typeof harness>[0] = {}) {
  const h = harness(opts);
  const root = document.createElement('div');
  document.documentElement.append(root);
  render(<TaggerApp model={h.model} ctl={h.ctl} categories={h.bridge.categories} />, { container: root });
  return { ...h, ui: within(root) };
}

/** The tag form's dialog, once the picked element's screenshot is done. */
async function openTagForm(m: ReturnType<typeof mount>, id = 'fav') {
  m.ctl.tagger.pick();
  const layer = await m.ui.findByRole('application');
  const r = byId(document, id).getBoundingClientRect();
  fireEvent.click(layer, { clientX: r.x + 1, clientY: r.y + 1 });
  return m.ui.findByRole('form', { name: 'Tag friction' });
}

describe('pick mode', () => {
  it('shows the hint and an outline, takes focus, and cancels on Esc', async () => {
    const m = mount();
    m.ctl.tagger.pick();
    const layer = await m.ui.findByRole('application');
    expect(layer.getAttribute('aria-label')).toMatch(/^Click the element with the friction .*Esc to cancel$/);
    await waitFor(() => expect(document.activeElement).toBe(layer));
    fireEvent.keyDown(layer, { key: 'ArrowDown' });
    expect(m.ui.getByText('heading “Lisbon”')).toBeTruthy();
    fireEvent.keyDown(layer, { key: 'Escape' });
    expect(m.ui.queryByRole('application')).toBeNull();
    expect(m.notices).toEqual([null, 'Tagging cancelled.']);
    expect(m.modes).toEqual(['picking', 'idle']);
  });

  it('cancels on Esc wherever focus is, and the page never sees that key', async () => {
    const m = mount();
    const seen: string[] = [];
    const search = byId(document, 'search');
    search.addEventListener('keydown', (e) => seen.push(e.key));
    search.focus();
    m.ctl.tagger.pick();
    const layer = await m.ui.findByRole('application');
    await waitFor(() => expect(document.activeElement).toBe(layer)); // effects have run
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(m.ui.queryByRole('application')).toBeNull();
    expect(seen).toEqual([]);
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(seen).toEqual(['Escape']);
  });

  it('picks with the keyboard alone: Tab moves, Enter picks', async () => {
    const m = mount();
    m.ctl.tagger.pick();
    const layer = await m.ui.findByRole('application');
    for (let i = 0; i < 4; i++) fireEvent.keyDown(layer, { key: 'Tab' });
    fireEvent.keyDown(layer, { key: 'Tab', shiftKey: true });
    fireEvent.keyDown(layer, { key: 'Tab' });
    expect(m.ui.getByText('button “Save to favourites”')).toBeTruthy();
    fireEvent.keyDown(layer, { key: 'Enter' });
    const form = await m.ui.findByRole('form', { name: 'Tag friction' });
    expect(within(form).getByText('Element: button “Save to favourites”')).toBeTruthy();
  });
});

describe('the tag form', () => {
  it('asks every field by label, with Nielsen’s and the CES wording, focus inside', async () => {
    const m = mount();
    const form = await openTagForm(m);
    const f = within(form);
    const category = f.getByLabelText('Category') as HTMLSelectElement;
    await waitFor(() => expect(document.activeElement).toBe(category));
    expect([...category.options].map((o) => o.text)).toContain('Form and input effort');
    const severity = f.getByLabelText('Severity') as HTMLSelectElement;
    expect([...severity.options].map((o) => o.text)).toEqual([
      '0 · Not a problem',
      '1 · Cosmetic',
      '2 · Minor',
      '3 · Major',
      '4 · Catastrophe',
    ]);
    const effort = f.getByLabelText('Effort (CES)') as HTMLSelectElement;
    expect(effort.options).toHaveLength(7);
    expect(effort.options[0]?.text).toBe('1 · Strongly disagree');
    expect(effort.options[6]?.text).toBe('7 · Strongly agree');
    const hint = document.getElementById(effort.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('The company made it easy for me to handle my task');
    expect((f.getByLabelText('Emotion') as HTMLSelectElement).options).toHaveLength(5);
    expect([...(f.getByLabelText('Moment of truth') as HTMLSelectElement).options].map((o) => o.value)).toEqual([
      'predictable',
      'unexpected',
      'no',
    ]);
    expect(f.getByLabelText('Perception or interaction')).toBeTruthy();
    expect(f.getByLabelText('Resolution')).toBeTruthy();
    expect(f.getByLabelText('Note')).toBeTruthy();
    expect(f.getByRole('button', { name: 'Save tag' })).toBeTruthy();
    expect(f.queryByRole('button', { name: 'Delete tag' })).toBeNull();
  });

  it('shows a wrong resolution time next to its field, focused, and saves once corrected', async () => {
    const m = mount();
    const form = await openTagForm(m);
    const f = within(form);
    fireEvent.change(f.getByLabelText('Resolution'), { target: { value: 'resolved' } });
    const minutes = f.getByLabelText('Minutes it took') as HTMLInputElement;
    fireEvent.input(minutes, { target: { value: 'a while' } });
    fireEvent.click(f.getByRole('button', { name: 'Save tag' }));
    const error = await f.findByText('Enter the minutes as a number, 0 or more.');
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(minutes.getAttribute('aria-describedby')).toBe(error.id);
    await waitFor(() => expect(document.activeElement).toBe(minutes));
    expect(m.payloads('tag/save')).toEqual([]);

    fireEvent.input(minutes, { target: { value: '12,5' } });
    fireEvent.change(f.getByLabelText('Severity'), { target: { value: '4' } });
    fireEvent.input(f.getByLabelText('Note'), { target: { value: 'Needed a phone call' } });
    fireEvent.click(f.getByRole('button', { name: 'Save tag' }));
    await waitFor(() => expect(m.payloads('tag/save')).toHaveLength(1));
    expect(m.payloads('tag/save')[0]?.fields).toMatchObject({
      severity: 4,
      resolution: { status: 'resolved', minutes: 12.5 },
      note: 'Needed a phone call',
    });
    await waitFor(() => expect(m.ui.queryByRole('form')).toBeNull());
  });

  it('Cancel closes it without saving', async () => {
    const m = mount();
    const form = await openTagForm(m);
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    // The frame tells the tagger over its port: the form goes once the message is through.
    await waitFor(() => expect(m.ui.queryByRole('form')).toBeNull());
    expect(m.payloads('tag/save')).toEqual([]);
    expect(m.modes.at(-1)).toBe('idle');
  });
});

describe('markers', () => {
  it('name their tag, and open it for editing or deleting', async () => {
    const tags = [storedTag(byId(document, 'fav'), 'tag-1', { categoryId: 'error', severity: 3 })];
    const m = mount({ tags: () => tags });
    m.ctl.tagger.markers(true);
    const badge = await m.ui.findByRole('button', { name: 'Tag 1: Error or broken, severity 3' });
    const marker = badge.parentElement as HTMLElement;
    expect(marker.style.top).toBe('124px');
    expect(marker.style.width).toBe('160px');
    fireEvent.click(badge);
    const form = await m.ui.findByRole('form', { name: 'Edit tag' });
    expect((within(form).getByLabelText('Severity') as HTMLSelectElement).value).toBe('3');
    fireEvent.click(within(form).getByRole('button', { name: 'Delete tag' }));
    await waitFor(() => expect(m.payloads('tag/delete')).toEqual([{ id: 'tag-1' }]));
  });

  it('give focus back to the badge when its form closes', async () => {
    const tags = [storedTag(byId(document, 'fav'), 'tag-1')];
    const m = mount({ tags: () => tags });
    m.ctl.tagger.markers(true);
    fireEvent.click(await m.ui.findByRole('button', { name: /^Tag 1:/ }));
    const form = await m.ui.findByRole('form', { name: 'Edit tag' });
    fireEvent.keyDown(within(form).getByLabelText('Category'), { key: 'Escape' });
    fireEvent.keyUp(within(form).getByLabelText('Category'), { key: 'Escape' });
    const badge = await m.ui.findByRole('button', { name: /^Tag 1:/ });
    await waitFor(() => expect(document.activeElement).toBe(badge));
  });
});

describe('the score form', () => {
  it('names the touchpoint, asks CES and CSAT with their statements, and saves', async () => {
    const m = mount();
    m.ctl.tagger.score();
    const form = await m.ui.findByRole('form', { name: 'Score touchpoint: Destination page' });
    const f = within(form);
    const ces = f.getByLabelText('Effort (CES)') as HTMLSelectElement;
    const csat = f.getByLabelText('Satisfaction (CSAT)') as HTMLSelectElement;
    expect(document.getElementById(csat.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'How satisfied were you with',
    );
    expect([...csat.options].map((o) => o.text)).toEqual([
      'Not rated',
      '1 · Very dissatisfied',
      '2 · Dissatisfied',
      '3 · Neither satisfied nor dissatisfied',
      '4 · Satisfied',
      '5 · Very satisfied',
    ]);
    fireEvent.change(ces, { target: { value: '2' } });
    fireEvent.change(csat, { target: { value: '1' } });
    fireEvent.click(f.getByRole('button', { name: 'Save score' }));
    await waitFor(() => expect(m.payloads('score/save')[0]?.fields).toEqual({ ces: 2, csat: 1, note: '' }));
  });
});
