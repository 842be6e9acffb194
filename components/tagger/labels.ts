import { t, type MessageKey } from '@/lib/i18n';
import type { Category } from '@/lib/model';

/** A category's label: the translated one for a default category, the audit's own otherwise. */
export function categoryLabel(c: Category): string {
  const key = `category_${c.id.replace(/-/g, '_')}` as MessageKey;
  const text = t(key);
  return text === key ? c.label : text;
}

const EMOTION_KEYS: Record<string, MessageKey> = {
  '-2': 'emotionM2',
  '-1': 'emotionM1',
  '0': 'emotion0',
  '1': 'emotionP1',
  '2': 'emotionP2',
};

export const severityLabel = (v: string) => t(`severity${v}` as MessageKey);
export const cesLabel = (v: string) => t(`ces${v}` as MessageKey);
export const csatLabel = (v: string) => t(`csat${v}` as MessageKey);
export const emotionLabel = (v: string) => t(EMOTION_KEYS[v] ?? 'emotion0');
