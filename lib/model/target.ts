import { z } from 'zod';

/** The kinds of element a step or a tag acts on: its role as a person would name it. */
export const TARGET_KINDS = [
  'button',
  'link',
  'field',
  'search-box',
  'password-field',
  'text-box',
  'checkbox',
  'radio',
  'switch',
  'list',
  'option',
  'slider',
  'tab',
  'menu-item',
  'disclosure',
  'heading',
  'image',
  'form',
  'element',
] as const;
export const TargetKind = z.enum(TARGET_KINDS);
export type TargetKind = z.infer<typeof TargetKind>;

/**
 * What a step or a tag acted on, as data so every UI words it in its own language: the element's
 * kind and its accessible name (a label, a button's text; never what was typed).
 */
export const ElementTarget = z.object({ kind: TargetKind, name: z.string().max(300) });
export type ElementTarget = z.infer<typeof ElementTarget>;

/**
 * A step's or a tag's target. Records stored before targets were structured hold an English
 * sentence (`button "Next step"`): still accepted, and shown as it is.
 */
export const Target = z.union([ElementTarget, z.string().max(300)]).nullable();
export type Target = z.infer<typeof Target>;
