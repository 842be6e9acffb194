#!/usr/bin/env node
// Adds or replaces UI messages in every locale, keeping messages.json as it is written (JSON, two-space indent).
// Usage: node scripts/add-messages.mjs file.json   where file.json is
//   { "en": { "key": "Text with $1" }, "es": { "key": "Texto con $1" } }
// `$1`…`$9` in a text become named placeholders ($ARG1$ …), as chrome.i18n wants.
import { readFileSync, writeFileSync } from 'node:fs';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const [lang, messages] of Object.entries(input)) {
  const file = new URL(`../public/_locales/${lang}/messages.json`, import.meta.url);
  const all = JSON.parse(readFileSync(file, 'utf8'));
  for (const [key, text] of Object.entries(messages)) {
    const args = [...new Set([...text.matchAll(/\$(\d)/g)].map((m) => m[1]))];
    const entry = { message: text.replace(/\$(\d)/g, '$ARG$1$') };
    if (args.length) entry.placeholders = Object.fromEntries(args.map((n) => [`arg${n}`, { content: `$${n}` }]));
    all[key] = entry;
  }
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}
