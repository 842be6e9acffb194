import { clip, place } from '@/lib/consistency/contact-text';
import type { Extracted, Extractor } from '@/lib/consistency/extractor';
import { nodeContext, propStrings, sourcedNodes } from '@/lib/consistency/structured-data';
import type { FactSource } from '@/lib/model/fact';

const MAX_LINKS = 1000;
const MAX_FACTS = 100;
const MAX_HREF = 2000;

const NAMES: Record<string, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  pinterest: 'Pinterest',
  whatsapp: 'WhatsApp',
};

// First path segments that are the network's own pages (share, login, help, posts), not a profile.
const RESERVED: Record<string, Set<string>> = {
  facebook: new Set(
    'sharer sharer.php share share.php dialog login login.php help plugins policies privacy groups events watch photo photo.php photos story.php permalink.php l.php hashtag search marketplace gaming reel reels'.split(
      ' ',
    ),
  ),
  instagram: new Set('p reel reels tv stories explore accounts direct about legal'.split(' ')),
  x: new Set('intent share home i search hashtag login signup settings explore privacy tos messages'.split(' ')),
  pinterest: new Set('pin search ideas today login _ business'.split(' ')),
};
const POST_SEGMENTS = new Set(['posts', 'videos', 'photos', 'reels', 'events', 'status', 'video', 'pin', 'photo']);
const HANDLE = /^[\p{L}\d._-]{1,100}$/u;

function networkOf(host: string): string | null {
  const full = host.toLowerCase();
  // Subdomains for language or device ("es-es.", "m.") name the same profile; "wa.me" is not one.
  const stripped = full.replace(/^(?:www|m|mobile|web|[a-z]{2}(?:-[a-z]{2})?)\./, '');
  const h = stripped.includes('.') ? stripped : full;
  if (h === 'facebook.com' || h === 'fb.com') return 'facebook';
  if (h === 'instagram.com') return 'instagram';
  if (h === 'twitter.com' || h === 'x.com') return 'x';
  if (h === 'linkedin.com') return 'linkedin';
  if (h === 'youtube.com') return 'youtube';
  if (h === 'tiktok.com') return 'tiktok';
  if (/^pinterest\.(?:com|[a-z]{2}|co\.uk|com\.mx)$/.test(h)) return 'pinterest';
  if (h === 'wa.me' || h === 'api.whatsapp.com' || h === 'whatsapp.com') return 'whatsapp';
  return null;
}

/** `<network>:<handle or path>` for a profile URL, or null for anything else (shares, posts, help). */
export function canonicalProfile(href: string): { network: string; value: string } | null {
  if (href.length > MAX_HREF) return null;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const network = networkOf(url.hostname);
  if (!network) return null;
  let segs: string[];
  try {
    segs = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
  const [first = '', second = '', third = ''] = segs;
  const lower = first.toLowerCase();
  const profile = (path: string) => ({ network, value: `${network}:${path}` });
  if (network === 'whatsapp') {
    // wa.me/<number> and api.whatsapp.com/send?phone=<number>; wa.me/?text= is a share.
    const phone = first === 'send' ? (url.searchParams.get('phone') ?? '') : first;
    // A query's "+" decodes as a space: "?phone=+34…" reads " 34…".
    const digits = phone.trim().replace(/^\+/, '');
    return /^\d{6,15}$/.test(digits) ? profile(digits) : null;
  }
  if (network === 'linkedin') {
    // Company pages only: a person's profile (/in/) or a shared article is not the company.
    if (!['company', 'showcase', 'school'].includes(lower) || !HANDLE.test(second)) return null;
    if (third && POST_SEGMENTS.has(third.toLowerCase())) return null;
    return profile(`${lower}/${second.toLowerCase()}`);
  }
  if (network === 'youtube') {
    if (first.startsWith('@') && HANDLE.test(first.slice(1))) return profile(lower);
    // Channel ids are case-sensitive; custom and user names are not.
    if (lower === 'channel' && /^UC[\w-]{10,40}$/.test(second)) return profile(`channel/${second}`);
    if ((lower === 'c' || lower === 'user') && HANDLE.test(second)) return profile(`${lower}/${second.toLowerCase()}`);
    return null;
  }
  if (!first || !HANDLE.test(first.replace(/^@/, ''))) return null;
  if (network === 'tiktok') {
    if (!first.startsWith('@') || second) return null;
    return profile(lower.slice(1));
  }
  if (RESERVED[network]?.has(lower) || POST_SEGMENTS.has(second.toLowerCase())) return null;
  if (network === 'facebook' && lower === 'profile.php') {
    const id = url.searchParams.get('id') ?? '';
    return /^\d{1,30}$/.test(id) ? profile(`profile.php?id=${id}`) : null;
  }
  if (network === 'facebook' && lower === 'pages' && HANDLE.test(second))
    return profile(`pages/${second.toLowerCase()}`);
  return profile(lower.replace(/^@/, ''));
}

export const socialExtractor: Extractor = {
  kind: 'social',
  extract(root) {
    const out: Extracted[] = [];
    const seen = new Set<string>();
    const add = (href: string, source: FactSource, element: Element | null, context: string) => {
      if (out.length >= MAX_FACTS) return;
      const found = canonicalProfile(href);
      if (!found) return;
      // One fact per profile and source: footers and headers repeat the same icons.
      const key = `${source}|${found.value}`;
      if (seen.has(key)) return;
      seen.add(key);
      const fact = {
        kind: 'social' as const,
        value: clip(found.value, 500),
        raw: clip(href.trim(), 500),
        source,
        context: clip(context, 300),
        label: NAMES[found.network] ?? '',
      };
      out.push({ fact, element });
    };
    const links = Array.from(root.querySelectorAll('a[href], area[href]')).slice(0, MAX_LINKS);
    for (const a of links) {
      const href = a.getAttribute('href') ?? '';
      if (!canonicalProfile(href)) continue;
      add(href, 'link', a, place(a).context);
    }
    for (const { node, source } of sourcedNodes(root)) {
      for (const href of propStrings(node.props.sameAs)) add(href, source, null, nodeContext(node));
    }
    return out;
  },
};
