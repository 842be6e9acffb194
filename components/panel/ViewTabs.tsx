import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { VIEWS, type View, type ViewsModel } from '@/components/panel/model/views';

/** Each view's tab names the job, in the words its heading already uses. */
export function viewLabel(view: View): string {
  switch (view) {
    case 'walk':
      return t('panelWalkHeading');
    case 'journey':
      return t('journeyHeading');
    case 'channels':
      return t('offsiteHeading');
    case 'consistency':
      return t('consistencyHeading');
    case 'report':
      return t('reportViewTab');
    case 'audit':
      return t('panelAuditsHeading');
  }
}

const tabId = (v: View) => `view-tab-${v}`;
const panelId = (v: View) => `view-${v}`;

/**
 * The view switcher, as the ARIA tabs pattern has it: one tab stop (the selected tab); Left and
 * Right move between tabs (wrapping), Home and End go to the first and last; moving selects.
 */
export function ViewTabs({ views }: { views: ViewsModel }) {
  const current = views.current.value;
  const list = useRef<HTMLDivElement>(null);
  const go = (v: View) => {
    views.select(v);
    list.current?.querySelector<HTMLElement>(`#${tabId(v)}`)?.focus();
  };
  return (
    <div
      ref={list}
      role="tablist"
      aria-label={t('panelViews')}
      class="view-tabs"
      onKeyDown={(e) => {
        const i = VIEWS.indexOf(current);
        const n = VIEWS.length;
        const to =
          e.key === 'ArrowRight'
            ? VIEWS[(i + 1) % n]
            : e.key === 'ArrowLeft'
              ? VIEWS[(i - 1 + n) % n]
              : e.key === 'Home'
                ? VIEWS[0]
                : e.key === 'End'
                  ? VIEWS[n - 1]
                  : undefined;
        if (!to) return;
        e.preventDefault();
        go(to);
      }}
    >
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={tabId(v)}
          class="view-tab"
          aria-selected={v === current}
          aria-controls={panelId(v)}
          tabIndex={v === current ? 0 : -1}
          onClick={() => views.select(v)}
        >
          {viewLabel(v)}
        </button>
      ))}
    </div>
  );
}

/**
 * One view's panel. Every panel element is always there (each tab's aria-controls names it), but
 * only the shown one has content: hidden views are not redrawn while a walk records.
 */
export function ViewPanel({ view, views, children }: { view: View; views: ViewsModel; children: ComponentChildren }) {
  const shown = views.current.value === view;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the tabs pattern's panel is a tab stop, so Tab goes from the tab list to the view (WAI-ARIA APG)
    <div role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)} hidden={!shown} class="view" tabIndex={0}>
      {shown && children}
    </div>
  );
}
