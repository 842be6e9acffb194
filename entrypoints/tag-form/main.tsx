import '@/components/tagger/tagger.css';
import '@/entrypoints/tag-form/style.css';
import { signal } from '@preact/signals';
import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import type { Category } from '@/lib/model';
import { FormApp } from '@/components/tagger/frame/FormApp';
import { cancelOnEscape } from '@/components/tagger/frame/escape';
import { acceptLink } from '@/components/tagger/frame/frame-link';
import { createTaggerModel } from '@/components/tagger/model/tagger-model';
import type { FormActions } from '@/components/tagger/TagForm';

// The tag and score forms, framed by the tagger in a walk tab (components/tagger/FormFrame.tsx):
// what the auditor types here never reaches the walked page. The tagger keeps the model and does
// the work; this page mirrors the model, shows the form and sends back the draft and the buttons.
document.documentElement.lang = uiLanguage();
document.title = t('tagFriction');
const model = createTaggerModel();
const categories = signal<Category[]>([]);
const focusAsk = signal(0);

const link = acceptLink({
  win: window,
  model,
  onInit: (init) => {
    categories.value = init.categories;
    for (const [name, value] of Object.entries(init.palette)) document.documentElement.style.setProperty(name, value);
  },
  onFocus: () => {
    focusAsk.value += 1;
  },
});

const actions: FormActions = {
  saveTag: () => link.post({ type: 'save' }),
  saveScore: () => link.post({ type: 'save' }),
  deleteTag: () => link.post({ type: 'delete' }),
  close: () => link.post({ type: 'cancel' }),
  edited(form) {
    const editing = model.editing.peek();
    if (form === 'tag' && editing) link.post({ type: 'tag-draft', draft: editing.draft });
    else if (form === 'score') link.post({ type: 'score-draft', draft: model.scoreDraft.peek() });
  },
};

cancelOnEscape(window, actions.close);

// The frame takes its content's height: the tagger sizes the iframe to it.
new ResizeObserver(() => link.post({ type: 'size', height: document.body.getBoundingClientRect().height })).observe(
  document.body,
);

const app = document.getElementById('app');
if (app) render(<FormApp model={model} actions={actions} categories={categories} focusAsk={focusAsk} />, app);
