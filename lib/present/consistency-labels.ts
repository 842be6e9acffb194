import type { FactGroup, FactKind } from '@/lib/model/fact';
import type { MessageKey } from '@/lib/present/messages';

/** The kinds of fact the consistency view compares (lib/model/fact.ts), and their four groups. */
export const PAGE_FACT_KIND: Record<FactKind, MessageKey> = {
  phone: 'factKind_phone',
  email: 'factKind_email',
  'postal-address': 'factKind_postal_address',
  'opening-hours': 'factKind_opening_hours',
  price: 'factKind_price',
  promise: 'factKind_promise',
  'legal-name': 'factKind_legal_name',
  social: 'factKind_social',
  logo: 'factKind_logo',
  colour: 'factKind_colour',
  font: 'factKind_font',
  'button-shape': 'factKind_button_shape',
  favicon: 'factKind_favicon',
  'title-pattern': 'factKind_title_pattern',
  language: 'factKind_language',
  formality: 'factKind_formality',
  readability: 'factKind_readability',
  'sentence-length': 'factKind_sentence_length',
  exclamation: 'factKind_exclamation',
  cta: 'factKind_cta',
  navigation: 'factKind_navigation',
  'footer-links': 'factKind_footer_links',
  breadcrumbs: 'factKind_breadcrumbs',
  'language-switcher': 'factKind_language_switcher',
};

export const FACT_GROUP_LABEL: Record<FactGroup, MessageKey> = {
  information: 'factGroup_information',
  brand: 'factGroup_brand',
  voice: 'factGroup_voice',
  structure: 'factGroup_structure',
};

/** What the auditor decided on a divergence; `open` while nothing. */
export const DECISION_STATUS: Record<'open' | 'confirmed' | 'dismissed', MessageKey> = {
  open: 'consistencyStatus_open',
  confirmed: 'consistencyStatus_confirmed',
  dismissed: 'consistencyStatus_dismissed',
};

/**
 * Subjects the comparison names by id (lib/consistency/compare-subjects.ts roles, the colour and
 * font roles of the brand extractors, the call-to-action groups): worded per language. Any other
 * subject (a product, a page) is shown as the page wrote it.
 */
const SUBJECT: Readonly<Record<string, MessageKey>> = {
  complaints: 'factSubject_complaints',
  billing: 'factSubject_billing',
  press: 'factSubject_press',
  jobs: 'factSubject_jobs',
  privacy: 'factSubject_privacy',
  bookings: 'factSubject_bookings',
  sales: 'factSubject_sales',
  support: 'factSubject_support',
  store: 'factSubject_store',
  'primary-button': 'factSubject_primary_button',
  link: 'factSubject_link',
  heading: 'factSubject_heading',
  body: 'factSubject_body',
  buy: 'factSubject_buy',
  'add-to-cart': 'factSubject_add_to_cart',
  checkout: 'factSubject_checkout',
  book: 'factSubject_book',
  quote: 'factSubject_quote',
  contact: 'factSubject_contact',
  call: 'factSubject_call',
  subscribe: 'factSubject_subscribe',
  'sign-up': 'factSubject_sign_up',
  'log-in': 'factSubject_log_in',
  download: 'factSubject_download',
  'learn-more': 'factSubject_learn_more',
  search: 'factSubject_search',
  send: 'factSubject_send',
  start: 'factSubject_start',
};
const SUBJECT_KINDS: ReadonlySet<FactKind> = new Set([
  'phone',
  'email',
  'opening-hours',
  'postal-address',
  'colour',
  'font',
  'button-shape',
  'cta',
]);

/** The message of a subject id of `kind`, or null when the subject is the page's own words. */
export function subjectKey(kind: FactKind, subject: string): MessageKey | null {
  return SUBJECT_KINDS.has(kind) ? (Object.hasOwn(SUBJECT, subject) ? (SUBJECT[subject] ?? null) : null) : null;
}
