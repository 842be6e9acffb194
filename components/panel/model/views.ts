import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { localTextStore } from '@/components/panel/model/auditor-name';

/** The panel's views, in the order of their tabs: what the auditor is doing. */
export const VIEWS = ['walk', 'journey', 'channels', 'consistency', 'report', 'audit'] as const;
export type View = (typeof VIEWS)[number];

/** Where the chosen view is kept across panel reloads (the page's localStorage, or nothing in tests). */
export interface ViewStore {
  get(): string | null;
  set(view: View): void;
}

const isView = (v: string | null): v is View => (VIEWS as readonly string[]).includes(v ?? '');

/**
 * Which view the panel shows. Until the auditor picks one: Audit while there is no audit to walk,
 * Walk once there is one. A pick is kept (store) so a reloaded panel opens where it was. Once the
 * auditor works in a view (hold), it stays: creating the first audit does not switch to Walk.
 */
export function createViews(hasAudit: ReadonlySignal<boolean>, store: ViewStore | null = null) {
  const stored = store?.get() ?? null;
  const chosen = signal<View | null>(isView(stored) ? stored : null);
  const current = computed<View>(() => chosen.value ?? (hasAudit.value ? 'walk' : 'audit'));
  return {
    current,
    /** Keeps the view shown as it is, whatever the default would become. */
    hold(): void {
      if (chosen.value === null) chosen.value = current.value;
    },
    select(view: View): void {
      chosen.value = view;
      try {
        store?.set(view);
      } catch {
        // A full or refused storage only loses the choice across reloads.
      }
    },
  };
}

export type ViewsModel = ReturnType<typeof createViews>;

/** The view choice in the panel page's localStorage (a view is one of its texts). */
export const localViewStore = (key = 'touchpoint.panel.view'): ViewStore | null => localTextStore(key);
