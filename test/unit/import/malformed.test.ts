import type { Db } from '@/lib/db/open-db';
import { parseImport } from '@/lib/import/parse';
import { sendImport } from '@/lib/import/send-import';
import { EXPORT_SCHEMA_VERSION } from '@/lib/model/export';
import type { ImportRefusal } from '@/lib/model/import';
import { formatPath } from '@/lib/import/issue';
import { freshDb } from '../support/seed';
import { dump, exportText, importWorker, seedAudit, walkBy } from './support';

/**
 * 200 broken files, each refused with a message (a kind, and for a bad field the path of the
 * first one), and the database the same to the byte after each. The files are broken copies of
 * an export of ANOTHER audit than the database holds: one accepted by mistake would change it.
 */
type Path = (string | number)[];
interface Case {
  name: string;
  text: string;
  /** The refusal's kind, and for `invalid` the path it must name (or a path it lies on) and the issue. */
  kind: ImportRefusal['kind'];
  path?: string;
  issue?: string;
}

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every path in the JSON tree, with the value there. */
function paths(v: unknown, at: Path = [], out: { path: Path; value: unknown }[] = []) {
  out.push({ path: at, value: v });
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) paths(x, [...at, i], out);
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}
function withValue(root: unknown, path: Path, value: unknown, remove = false): string {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) delete parent[last];
  else parent[last] = value;
  return JSON.stringify(copy);
}

const WRONG: Record<string, unknown> = { string: 12345, number: '12345', boolean: 'true', object: { wrong: [true] } };
/** Keys every record that has them requires (no default in any format): deleting one is refused. */
const REQUIRED = new Set([
  'id',
  'auditId',
  'walkId',
  'url',
  'at',
  'kind',
  'startedAt',
  'status',
  'data',
  'seqFrom',
  'name',
  'channel',
  'patterns',
  'severity',
  'anchor',
  'createdAt',
  'generator',
  'exportedAt',
  'personas',
  'walks',
  'steps',
  'chunks',
  'mime',
  'tabId',
  'startUrl',
  'summary',
  'ces',
  'value',
  'key',
]);

function cases(validText: string): Case[] {
  const valid = JSON.parse(validText);
  const all = paths(valid);
  const random = rng(13);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const out: Case[] = [];

  for (let i = 0; i < 50; i++) {
    const cut = 1 + Math.floor(random() * (validText.length - 2));
    out.push({ name: `truncated at ${cut}`, text: validText.slice(0, cut), kind: 'not-json' });
  }
  const leaves = all.filter((p) => p.path.length > 1 && (p.value === null || typeof p.value !== 'object'));
  for (let i = 0; i < 50; i++) {
    const { path, value } = pick(leaves);
    const type = value === null ? 'object' : typeof value;
    out.push({
      name: `wrong type at ${formatPath(path)}`,
      text: withValue(valid, path, WRONG[type]),
      kind: 'invalid',
      path: formatPath(path),
    });
  }
  const requiredKeys = all.filter((p) => {
    const last = p.path[p.path.length - 1];
    return (
      typeof last === 'string' && REQUIRED.has(last) && !p.path.includes('divergences') && !p.path.includes('kpis')
    );
  });
  for (let i = 0; i < 40; i++) {
    const { path } = pick(requiredKeys);
    out.push({
      name: `missing ${formatPath(path)}`,
      text: withValue(valid, path, undefined, true),
      kind: 'invalid',
      path: formatPath(path),
      issue: 'missing',
    });
  }
  for (const v of [EXPORT_SCHEMA_VERSION + 1, EXPORT_SCHEMA_VERSION + 2, 7, 99, 1e6, 2 ** 40]) {
    out.push({ name: `version ${v}`, text: withValue(valid, ['schemaVersion'], v), kind: 'newer-version' });
  }
  for (const v of [0, -1, 2.5, '3', null, [3], { v: 3 }, true, 'three']) {
    out.push({
      name: `version ${JSON.stringify(v)}`,
      text: withValue(valid, ['schemaVersion'], v),
      kind: 'invalid',
      path: 'schemaVersion',
    });
  }
  const others = [
    '[]',
    'null',
    '42',
    '"a string"',
    '{}',
    '{"a":1}',
    '{"schemaVersion":3}',
    '{"audit":{}}',
    '{"name":"touchpoint","version":"0.1.0","dependencies":{}}',
    `[${validText}]`,
    'true',
    '[{"schemaVersion":3,"audit":{}}]',
    '{"Schemaversion":3,"Audit":{}}',
  ];
  for (const text of others) out.push({ name: `another shape: ${text.slice(0, 30)}`, text, kind: 'not-export' });
  out.push({ name: 'not JSON at all', text: '<html><body>hello</body></html>', kind: 'not-json' });
  out.push({ name: 'empty', text: '', kind: 'not-json' });
  const deep = 200_000;
  out.push({ name: 'deep arrays', text: '['.repeat(deep) + ']'.repeat(deep), kind: 'not-export' });
  out.push({ name: 'deep objects', text: `${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}`, kind: 'not-export' });
  const nested = JSON.parse(withValue(valid, ['walks', 0, 'steps', 0, 'title'], 0));
  const deepText = JSON.stringify(nested).replace('"title":0', `"title":${'['.repeat(deep)}${']'.repeat(deep)}`);
  out.push({
    name: 'deep nesting in a field',
    text: deepText,
    kind: 'invalid',
    path: 'walks[0].steps[0].title',
    issue: 'type',
  });
  out.push({ name: 'unclosed deep nesting', text: `{"schemaVersion":3,"audit":${'['.repeat(deep)}`, kind: 'not-json' });
  const huge: [Path, number, string][] = [
    [['audit', 'name'], 5_000_000, 'too-big'],
    [['walks', 0, 'steps', 0, 'url'], 1_000_000, 'too-big'],
    [['walks', 0, 'auditorName'], 200_000, 'too-big'],
    [['personas', 0, 'name'], 3_000_000, 'too-big'],
    [['walks', 0, 'tags', 0, 'note'], 2_000_000, 'too-big'],
    [['walks', 0, 'chunks', 0, 'data'], 3_000_001, 'format'],
    [['generator'], 0, 'type'],
    [['walks', 0, 'id'], 100_000, 'too-big'],
  ];
  for (const [path, n, issue] of huge) {
    const value = issue === 'type' ? null : 'x'.repeat(n);
    out.push({
      name: `huge string at ${formatPath(path)}`,
      text: withValue(valid, path, value),
      kind: 'invalid',
      path: formatPath(path),
      issue,
    });
  }
  const other = crypto.randomUUID();
  const mismatches: Path[] = [
    ['personas', 0, 'auditId'],
    ['touchpoints', 0, 'auditId'],
    ['walks', 0, 'auditId'],
    ['walks', 0, 'steps', 0, 'walkId'],
    ['walks', 0, 'tags', 0, 'walkId'],
    ['walks', 0, 'tags', 0, 'auditId'],
    ['walks', 0, 'scores', 0, 'walkId'],
    ['walks', 0, 'offsite', 0, 'auditId'],
    ['walks', 0, 'signals', 0, 'walkId'],
    ['decisions', 0, 'auditId'],
  ];
  for (const path of mismatches) {
    out.push({
      name: `another audit or walk at ${formatPath(path)}`,
      text: withValue(valid, path, other),
      kind: 'invalid',
      path: formatPath(path),
      issue: 'mismatch',
    });
  }
  out.push({
    name: 'answer before request',
    text: withValue(valid, ['walks', 0, 'offsite', 0, 'answeredAt'], 1),
    kind: 'invalid',
    path: 'walks[0].offsite[0].answeredAt',
    issue: 'value',
  });
  out.push({
    name: 'severity 9',
    text: withValue(valid, ['walks', 0, 'tags', 0, 'severity'], 9),
    kind: 'invalid',
    path: 'walks[0].tags[0].severity',
    issue: 'too-big',
  });
  out.push({
    name: 'unknown step kind',
    text: withValue(valid, ['walks', 0, 'steps', 0, 'kind'], 'teleport'),
    kind: 'invalid',
    path: 'walks[0].steps[0].kind',
    issue: 'value',
  });
  out.push({
    name: 'a javascript: start URL',
    text: withValue(valid, ['audit', 'startUrl'], 'javascript:alert(1)'),
    kind: 'invalid',
    path: 'audit.startUrl',
    issue: 'format',
  });
  out.push({
    name: 'chunk data not base64',
    text: withValue(valid, ['walks', 0, 'chunks', 1, 'data'], 'not base64!'),
    kind: 'invalid',
    path: 'walks[0].chunks[1].data',
    issue: 'format',
  });
  out.push({
    name: 'screenshot data not base64',
    text: withValue(valid, ['walks', 0, 'tags', 0, 'screenshot', 'data'], '%%%'),
    kind: 'invalid',
    path: 'walks[0].tags[0].screenshot.data',
    issue: 'format',
  });
  return out;
}

/** Random bytes read as UTF-8, the way the panel reads a file as text. */
function junk(bytes: number, seed: number): string {
  const random = rng(seed);
  const buf = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 4) {
    const r = (random() * 2 ** 32) >>> 0;
    buf[i] = r & 255;
    buf[i + 1] = (r >>> 8) & 255;
    buf[i + 2] = (r >>> 16) & 255;
    buf[i + 3] = r >>> 24;
  }
  return new TextDecoder().decode(buf);
}

describe('200 malformed files are each refused, and the database is unchanged', () => {
  let db: Db;
  let files: Case[];

  beforeAll(async () => {
    db = await freshDb();
    await walkBy(db, await seedAudit(db), 'Sam', ['https://ventura.example/']);
    const other = await freshDb();
    const seeded = await seedAudit(other);
    await walkBy(other, seeded, 'Ana', ['https://ventura.example/', 'https://ventura.example/quote.html']);
    await walkBy(other, seeded, 'Ana', ['https://ventura.example/b'], { startedAt: 9_000 });
    await other.put('decisions', {
      id: `${seeded.audit.id}:phone|x`,
      auditId: seeded.audit.id,
      key: 'phone|x',
      kind: 'phone',
      status: 'dismissed',
      tagId: null,
      decidedAt: 30_000,
    });
    files = [
      ...cases(await exportText(other, seeded.audit.id)),
      { name: '50 MB of junk bytes', text: junk(50 * 1024 * 1024, 1), kind: 'not-json' },
      { name: '1 MB of junk bytes', text: junk(1024 * 1024, 2), kind: 'not-json' },
    ];
  }, 60_000);

  it('there are 200 of them', () => {
    expect(files).toHaveLength(200);
  });

  it('each is refused with its kind, naming the first bad field where there is one', async () => {
    const { send } = importWorker(db);
    const failures: string[] = [];
    for (const c of files) {
      const before = await dump(db);
      const result = await sendImport(send, c.text, crypto.randomUUID());
      const direct = c.text.length < 10_000_000 ? parseImport(c.text) : null;
      const after = await dump(db);
      const refusal = result.ok ? null : result.refusal;
      const problems: string[] = [];
      if (!refusal) problems.push('accepted');
      else {
        if (refusal.kind !== c.kind) problems.push(`kind ${refusal.kind}`);
        if (c.path !== undefined && refusal.kind === 'invalid') {
          const named = refusal.path;
          // The field itself, a union holding it, or (an object put where a value was) a field inside it.
          const onLine = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
          if (!onLine(c.path, named) && !onLine(named, c.path)) problems.push(`path ${named}`);
          if (named === '') problems.push('no path');
          if (c.issue && refusal.issue !== c.issue) problems.push(`issue ${refusal.issue}`);
        }
        if (direct && JSON.stringify(direct) !== JSON.stringify({ ok: false, refusal }))
          problems.push('parseImport differs');
      }
      if (after !== before) problems.push('database changed');
      if (problems.length) failures.push(`${c.name}: ${problems.join(', ')} ${JSON.stringify(refusal)}`);
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
