import type { MessageKey } from '@/lib/present/messages';
import type {
  Aspect,
  Channel,
  EndReason,
  FactKind,
  MomentOfTruth,
  OffsiteFields,
  Persona,
  Phase,
  Resolution,
  Stage,
  StepKind,
  StopKind,
  TargetKind,
  WalkOutcome,
  WalkStatus,
} from '@/lib/model';

/**
 * The locale key of every value of every enum the UIs and the report show: one table per enum,
 * typed on the model's enum, so a new value fails to compile until it has its words.
 */
export const STEP_KIND: Record<StepKind, MessageKey> = {
  visit: 'stepKind_visit',
  click: 'stepKind_click',
  input: 'stepKind_input',
  submit: 'stepKind_submit',
  scroll: 'stepKind_scroll',
  'tab-opened': 'stepKind_tab_opened',
  'tab-closed': 'stepKind_tab_closed',
  'left-site': 'stepKind_left_site',
  'recording-stopped': 'stepKind_recording_stopped',
};

export const WALK_STATUS: Record<WalkStatus, MessageKey> = {
  recording: 'walkStatus_recording',
  paused: 'walkStatus_paused',
  ended: 'walkStatus_ended',
};

/** Why a page's recording stopped (a `recording-stopped` step, the overlay, the panel's walk bar). */
export const STOP_KIND: Record<StopKind, MessageKey> = {
  'event-too-large': 'stopKind_event_too_large',
  refused: 'stopKind_refused',
  unreachable: 'stopKind_unreachable',
  backlog: 'stopKind_backlog',
};

export const END_REASON: Record<EndReason, MessageKey> = {
  auditor: 'endReason_auditor',
  'storage-full': 'endReason_storage_full',
  'browser-restart': 'endReason_browser_restart',
};

export const CHANNEL: Record<Channel, MessageKey> = {
  web: 'channel_web',
  'mobile-web': 'channel_mobile_web',
  app: 'channel_app',
  email: 'channel_email',
  phone: 'channel_phone',
  chat: 'channel_chat',
  social: 'channel_social',
  store: 'channel_store',
  ads: 'channel_ads',
  other: 'channel_other',
};

export const STAGE: Record<Stage, MessageKey> = {
  awareness: 'stage_awareness',
  consideration: 'stage_consideration',
  purchase: 'stage_purchase',
  onboarding: 'stage_onboarding',
  use: 'stage_use',
  support: 'stage_support',
  loyalty: 'stage_loyalty',
  advocacy: 'stage_advocacy',
};

export const PHASE: Record<Phase, MessageKey> = {
  before: 'phase_before',
  during: 'phase_during',
  after: 'phase_after',
};

/** Nielsen's severity scale, 0-4. */
export const SEVERITY: readonly MessageKey[] = ['severity0', 'severity1', 'severity2', 'severity3', 'severity4'];
/** CES 1-7, index 0 is 1. */
export const CES: readonly MessageKey[] = ['ces1', 'ces2', 'ces3', 'ces4', 'ces5', 'ces6', 'ces7'];
/** CSAT 1-5, index 0 is 1. */
export const CSAT: readonly MessageKey[] = ['csat1', 'csat2', 'csat3', 'csat4', 'csat5'];
/** Emotion -2..+2, index 0 is -2. */
export const EMOTION: readonly MessageKey[] = ['emotionM2', 'emotionM1', 'emotion0', 'emotionP1', 'emotionP2'];

/** The default taxonomy's words; a category the auditor added shows its label as typed. */
export const DEFAULT_CATEGORY: Readonly<Record<string, MessageKey>> = {
  findability: 'category_findability',
  information: 'category_information',
  inconsistency: 'category_inconsistency',
  'form-effort': 'category_form_effort',
  waiting: 'category_waiting',
  error: 'category_error',
  trust: 'category_trust',
  tone: 'category_tone',
  accessibility: 'category_accessibility',
  expectation: 'category_expectation',
};

export const FACT_KIND: Record<FactKind, MessageKey> = {
  phone: 'fact_phone',
  email: 'fact_email',
  price: 'fact_price',
  hours: 'fact_hours',
  'delivery-time': 'fact_delivery_time',
  address: 'fact_address',
  policy: 'fact_policy',
  other: 'fact_other',
};

export const OFFSITE_OUTCOME: Record<OffsiteFields['outcome'], MessageKey> = {
  resolved: 'outcome_resolved',
  partly: 'outcome_partly',
  unresolved: 'outcome_unresolved',
  pending: 'outcome_pending',
};

type Tone = OffsiteFields['tone'];
export const FORMALITY: Record<NonNullable<Tone['formality']>, MessageKey> = {
  formal: 'formality_formal',
  informal: 'formality_informal',
};
export const WARMTH: Record<NonNullable<Tone['warmth']>, MessageKey> = {
  warm: 'warmth_warm',
  neutral: 'warmth_neutral',
  cold: 'warmth_cold',
};

export const DEVICE: Record<Persona['context']['device'], MessageKey> = {
  desktop: 'device_desktop',
  mobile: 'device_mobile',
  tablet: 'device_tablet',
};

export const GOAL: Record<WalkOutcome['goal'], MessageKey> = { yes: 'goal_yes', partly: 'goal_partly', no: 'goal_no' };

export const MOMENT: Record<MomentOfTruth, MessageKey> = {
  predictable: 'moment_predictable',
  unexpected: 'moment_unexpected',
  no: 'moment_no',
};

export const ASPECT: Record<Aspect, MessageKey> = {
  perception: 'aspect_perception',
  interaction: 'aspect_interaction',
};

export const RESOLUTION: Record<Resolution['status'], MessageKey> = {
  resolved: 'resolution_resolved',
  workaround: 'resolution_workaround',
  unresolved: 'resolution_unresolved',
};

/** What a step or a tag acted on: `button`, `link`, `field`… */
export const TARGET_KIND: Record<TargetKind, MessageKey> = {
  button: 'target_button',
  link: 'target_link',
  field: 'target_field',
  'search-box': 'target_search_box',
  'password-field': 'target_password_field',
  'text-box': 'target_text_box',
  checkbox: 'target_checkbox',
  radio: 'target_radio',
  switch: 'target_switch',
  list: 'target_list',
  option: 'target_option',
  slider: 'target_slider',
  tab: 'target_tab',
  'menu-item': 'target_menu_item',
  disclosure: 'target_disclosure',
  heading: 'target_heading',
  image: 'target_image',
  form: 'target_form',
  element: 'target_element',
};
