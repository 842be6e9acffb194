import { getAudit } from '@/lib/read/audits';
import { listTags, pageKey } from '@/lib/read/tags';
import { DEFAULT_CATEGORIES, type RecorderContext, type Walk } from '@/lib/model';
import type { WalkEnv } from '@/lib/walk/walk-env';
import { redactUrl, walkPolicy } from '@/lib/privacy/url-policy';

/** What a recorder starting on `url` in a walk tab needs: the walk, privacy options, the overlay's state. */
export async function contextFor(
  env: Pick<WalkEnv, 'db' | 'personaName' | 'showTags'>,
  walk: Walk,
  tabId: number,
  url: string,
): Promise<RecorderContext> {
  const { db } = env;
  const audit = await getAudit(db, walk.auditId);
  const policy = walkPolicy(audit, walk);
  // Tags hold redacted URLs (lib/privacy/url-policy.ts; idempotent, so tags stored before it compare too).
  const here = pageKey(redactUrl(url, policy));
  const tagsHere = url
    ? (await listTags(db, walk.id)).filter((t) => pageKey(redactUrl(t.url, policy)) === here).length
    : 0;
  return {
    walkId: walk.id,
    auditId: walk.auditId,
    categories: audit?.categories ?? [...DEFAULT_CATEGORIES],
    tabId,
    personaName: await env.personaName(walk.personaId),
    startedAt: walk.startedAt,
    paused: walk.status === 'paused',
    maskAllText: audit?.privacy.maskAllText ?? false,
    blockSelectors: audit?.privacy.blockSelectors ?? [],
    keepParams: [...(policy.keep ?? [])],
    typedParams: [...(policy.typed ?? [])],
    showTags: await env.showTags.get(),
    tagsHere,
  };
}
