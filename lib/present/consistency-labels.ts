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
