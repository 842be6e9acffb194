import type { Reaudit } from '@/lib/model/reaudit';
import type { Present, Translate } from '@/lib/present';
import { mdText } from '@/lib/report/markdown-text';
import { reauditWords } from '@/lib/report/reaudit-words';

/** The comparison with another audit as Markdown blocks: every text through mdText, as the report's. */
export function reauditMarkdown(r: Reaudit, p: Present, t: Translate): string[] {
  const words = reauditWords(r, p, t);
  const out = [`## ${mdText(t('reauditSection'))}`, mdText(words.lead), mdText(words.tolerance)];
  if (words.groups.length === 0) out.push(mdText(t('reauditNothing')));
  for (const g of words.groups) {
    out.push(`### ${mdText(g.title)}`, g.items.map((i) => `- ${mdText(i)}`).join('\n'));
  }
  return out;
}
