import { signal } from '@preact/signals';
import { type AuditInput, AuditInput as AuditInputSchema } from '@/lib/model';
import { type Message, msg } from '@/components/panel/model/panel-env';

export type AuditField = 'name' | 'company' | 'startUrl' | 'blockSelectors' | 'keepParams';
export type AuditErrors = Partial<Record<AuditField, Message>>;

const MAX_SELECTORS = 50;
const MAX_SELECTOR_LENGTH = 300;

/** True when the browser's own selector parser accepts `selector`: the recorder uses the same one. */
export function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** One CSS selector per line; blank lines are ignored. Returns the selectors or the first bad line. */
export function parseSelectors(
  text: string,
  valid: (s: string) => boolean = isValidSelector,
): { ok: true; selectors: string[] } | { ok: false; error: Message } {
  const selectors: string[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const s = raw.trim();
    if (!s) continue;
    const line = String(i + 1);
    if (s.length > MAX_SELECTOR_LENGTH) return { ok: false, error: msg('panelErrorSelectorLength', line) };
    if (!valid(s)) return { ok: false, error: msg('panelErrorSelector', line, s) };
    selectors.push(s);
  }
  if (selectors.length > MAX_SELECTORS) return { ok: false, error: msg('panelErrorSelectorCount') };
  return { ok: true, selectors };
}

const MAX_PARAMS = 50;

/**
 * URL parameter names whose values recorded URLs keep (lib/privacy/url-policy.ts), separated by
 * commas, spaces or lines. A name with `=`, `&`, `?` or `#` would never match a parameter.
 */
export function parseKeepParams(text: string): { ok: true; names: string[] } | { ok: false; error: Message } {
  const names = new Set<string>();
  for (const raw of text.split(/[\s,]+/)) {
    const name = raw.trim();
    if (!name) continue;
    if (name.length > 64 || /[=&?#]/.test(name))
      return { ok: false, error: msg('panelErrorKeepParam', name.slice(0, 64)) };
    names.add(name);
  }
  if (names.size > MAX_PARAMS) return { ok: false, error: msg('panelErrorKeepParamCount') };
  return { ok: true, names: [...names] };
}

function isWebUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export interface AuditFormValues {
  name: string;
  company: string;
  startUrl: string;
  maskAllText: boolean;
  blockSelectors: string;
  keepParams: string;
}

/** Checks the form; every problem is reported at once, next to its field. Never throws. */
export function validateAuditForm(
  v: AuditFormValues,
  valid?: (s: string) => boolean,
): { ok: true; input: AuditInput } | { ok: false; errors: AuditErrors } {
  const errors: AuditErrors = {};
  if (!v.name.trim()) errors.name = msg('panelErrorAuditName');
  const startUrl = v.startUrl.trim();
  if (!isWebUrl(startUrl)) errors.startUrl = msg('panelErrorStartUrl');
  const selectors = parseSelectors(v.blockSelectors, valid);
  if (!selectors.ok) errors.blockSelectors = selectors.error;
  const keep = parseKeepParams(v.keepParams);
  if (!keep.ok) errors.keepParams = keep.error;
  if (Object.keys(errors).length > 0 || !selectors.ok || !keep.ok) return { ok: false, errors };
  const input = {
    name: v.name.trim(),
    company: v.company.trim(),
    startUrl,
    privacy: { maskAllText: v.maskAllText, blockSelectors: selectors.selectors, keepParams: keep.names },
  };
  // The schema is the last word (length limits, zod's stricter hostname rules).
  const parsed = AuditInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, input };
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  if (field === 'name') return { ok: false, errors: { name: msg('panelErrorAuditName') } };
  if (field === 'startUrl') return { ok: false, errors: { startUrl: msg('panelErrorStartUrl') } };
  if (field === 'privacy') return { ok: false, errors: { blockSelectors: msg('panelErrorSelectorCount') } };
  return { ok: false, errors: { company: msg('saveFailed', issue?.message ?? '') } };
}

/** The "New audit" form's fields and errors. */
export function createAuditForm() {
  const fields = {
    name: signal(''),
    company: signal(''),
    startUrl: signal(''),
    maskAllText: signal(false),
    blockSelectors: signal(''),
    keepParams: signal(''),
  };
  const errors = signal<AuditErrors>({});
  /** A failure that belongs to no one field (the database refused the write). */
  const failure = signal<Message | null>(null);
  const busy = signal(false);
  return {
    ...fields,
    errors,
    failure,
    busy,
    values: (): AuditFormValues => ({
      name: fields.name.value,
      company: fields.company.value,
      startUrl: fields.startUrl.value,
      maskAllText: fields.maskAllText.value,
      blockSelectors: fields.blockSelectors.value,
      keepParams: fields.keepParams.value,
    }),
    reset() {
      fields.name.value = '';
      fields.company.value = '';
      fields.startUrl.value = '';
      fields.maskAllText.value = false;
      fields.blockSelectors.value = '';
      fields.keepParams.value = '';
      errors.value = {};
      failure.value = null;
    },
  };
}

export type AuditForm = ReturnType<typeof createAuditForm>;
