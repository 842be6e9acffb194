import { expect, type Page } from '@playwright/test';
import type { PanelPage } from './panel';

export interface OffsiteInput {
  channel: string;
  name: string;
  summary: string;
  /** `datetime-local` values. */
  requestedAt: string;
  answeredAt: string | null;
  reschedules?: number;
  transfers?: number;
  repeated?: string[];
  ces?: string;
  csat?: string;
  formality?: string;
  warmth?: string;
  facts?: { kind: string; subject: string; value: string }[];
}

/** Fills and submits the panel's "Other channels" form, as an auditor would. */
export async function addOffsiteEvent(panel: PanelPage, e: OffsiteInput): Promise<void> {
  const p: Page = panel.page;
  await p.bringToFront();
  await panel.view('Other channels');
  const form = p.getByRole('form', { name: 'Other channels' });
  await form.getByRole('combobox', { name: 'Channel', exact: true }).selectOption(e.channel);
  await form.getByRole('combobox', { name: 'Touchpoint name' }).fill(e.name);
  await form.getByRole('textbox', { name: 'What happened' }).fill(e.summary);
  await form.getByLabel('Requested at').fill(e.requestedAt);
  if (e.answeredAt === null) await form.getByRole('checkbox', { name: 'No answer yet' }).check();
  else await form.getByLabel('Answered at').fill(e.answeredAt);
  if (e.reschedules !== undefined) await form.getByRole('textbox', { name: 'Reschedules' }).fill(String(e.reschedules));
  if (e.transfers !== undefined) await form.getByRole('textbox', { name: 'Transfers' }).fill(String(e.transfers));
  if (e.repeated) await form.getByRole('textbox', { name: /had to repeat/ }).fill(e.repeated.join('\n'));
  if (e.ces) await form.getByRole('combobox', { name: 'Effort (CES)' }).selectOption(e.ces);
  if (e.csat) await form.getByRole('combobox', { name: 'Satisfaction (CSAT)' }).selectOption(e.csat);
  if (e.formality) await form.getByRole('combobox', { name: 'Tone: formality' }).selectOption(e.formality);
  if (e.warmth) await form.getByRole('combobox', { name: 'Tone: warmth' }).selectOption(e.warmth);
  for (const [i, f] of (e.facts ?? []).entries()) {
    await form.getByRole('button', { name: 'Add a fact' }).click();
    await form.getByRole('combobox', { name: 'Kind' }).nth(i).selectOption(f.kind);
    await form.getByRole('textbox', { name: 'About' }).nth(i).fill(f.subject);
    await form.getByRole('textbox', { name: 'Value' }).nth(i).fill(f.value);
  }
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'Event saved.' })).toBeVisible();
}

/** Answers the end-of-walk questions in the panel. */
export async function saveOutcome(
  panel: PanelPage,
  o: { goal: 'Yes' | 'Partly' | 'No'; minutes: string; nps: string },
) {
  const p = panel.page;
  await p.bringToFront();
  await panel.view('Journey');
  const form = p.getByRole('form', { name: 'How did the walk end?' });
  await form.getByRole('radio', { name: o.goal, exact: true }).check();
  await form.getByRole('textbox', { name: /How long it took/ }).fill(o.minutes);
  await form.getByRole('combobox', { name: /NPS/ }).selectOption(o.nps);
  await form.getByRole('button', { name: 'Save outcome' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'Outcome saved.' })).toBeVisible();
}
