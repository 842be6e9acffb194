// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { fireEvent, render, screen } from '@testing-library/preact';
import { createViews, type View } from '@/components/panel/model/views';
import { ViewPanel, ViewTabs } from '@/components/panel/ViewTabs';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

function memoryStore(initial: string | null = null) {
  const store = {
    value: initial,
    get: () => store.value,
    set: (v: View) => {
      store.value = v;
    },
  };
  return store;
}

describe('the panel’s views', () => {
  it('open on Audit without an audit and on Walk with one, until the auditor picks or works in one', () => {
    const hasAudit = signal(false);
    const views = createViews(hasAudit);
    expect(views.current.value).toBe('audit');
    hasAudit.value = true;
    expect(views.current.value).toBe('walk');
    // Working in a view holds it: the first audit created does not switch away from its form.
    const held = createViews(signal(false));
    held.hold();
    expect(held.current.value).toBe('audit');
  });

  it('keep the pick in their store, and ignore a stored value that is no view', () => {
    const store = memoryStore();
    const views = createViews(signal(true), store);
    views.select('channels');
    expect(store.value).toBe('channels');
    expect(createViews(signal(true), store).current.value).toBe('channels');
    expect(createViews(signal(true), memoryStore('settings')).current.value).toBe('walk');
  });

  it('switch by the ARIA tabs pattern: one tab stop, arrows wrap, Home and End, panels named by their tabs', () => {
    const views = createViews(signal(true));
    render(
      <>
        <ViewTabs views={views} />
        {(['walk', 'journey', 'channels', 'consistency', 'report', 'audit'] as const).map((v) => (
          <ViewPanel key={v} view={v} views={views}>
            <p>content of {v}</p>
          </ViewPanel>
        ))}
      </>,
    );
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      'Walk',
      'Journey',
      'Other channels',
      'Consistency',
      'Report',
      'Audit',
    ]);
    const selected = () => screen.getByRole('tab', { selected: true });
    const check = (name: string) => {
      expect(selected().textContent).toBe(name);
      expect(document.activeElement).toBe(selected());
      expect(tabs.filter((t) => t.tabIndex === 0)).toEqual([selected()]);
      const panel = screen.getByRole('tabpanel');
      expect(panel.id).toBe(selected().getAttribute('aria-controls'));
      expect(panel.getAttribute('aria-labelledby')).toBe(selected().id);
      expect(panel.textContent).toBe(`content of ${panel.id.replace('view-', '')}`);
    };
    selected().focus();
    fireEvent.keyDown(selected(), { key: 'ArrowLeft' });
    check('Audit');
    fireEvent.keyDown(selected(), { key: 'ArrowRight' });
    check('Walk');
    fireEvent.keyDown(selected(), { key: 'End' });
    check('Audit');
    fireEvent.keyDown(selected(), { key: 'Home' });
    check('Walk');
    fireEvent.keyDown(selected(), { key: 'ArrowRight' });
    check('Journey');
    // Hidden panels stay in the page (each tab's aria-controls names one) but empty.
    for (const id of ['view-walk', 'view-channels', 'view-consistency', 'view-audit']) {
      const hidden = document.getElementById(id);
      expect(hidden?.hidden).toBe(true);
      expect(hidden?.textContent).toBe('');
    }
    fireEvent.click(tabs[2] as HTMLElement);
    expect(selected().textContent).toBe('Other channels');
    fireEvent.keyDown(selected(), { key: 'ArrowRight' });
    check('Consistency');
    fireEvent.keyDown(selected(), { key: 'ArrowRight' });
    check('Report');
    fireEvent.keyDown(selected(), { key: 'ArrowRight' });
    check('Audit');
  });
});
