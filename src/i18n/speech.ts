/**
 * Reading the story aloud with the browser's own speech synthesis: which voice language each edition
 * asks for, and its words as a listener hears them. Figures on the page are already words ("80 to 145
 * yuan", "more than 4 million yuan", from src/i18n/format.ts); what a voice would misread are the signs
 * of derived figures and spans, said here in the edition's language. Pure: the page's script uses it.
 */
import type { Locale } from '~/i18n/locale';

/** The voice language of each edition: speech engines know these tags. */
export const SPEECH_LANG: Record<Locale, string> = { en: 'en-GB', zh: 'zh-CN', fr: 'fr-FR' };

const SIGNS: Record<Locale, { times: string; to: string; divided: string; equals: string }> = {
  en: { times: ' times', to: ' to ', divided: ' divided by ', equals: ' equals ' },
  zh: { times: '倍', to: '至', divided: '除以', equals: '等于' },
  fr: { times: ' fois', to: ' à ', divided: ' divisé par ', equals: ' égale ' },
};

/** Text as it should be spoken: "3.2 to 5.8× markup" -> "3.2 to 5.8 times markup", "2023–2024" -> "2023 to 2024". */
export function spokenText(text: string, locale: Locale): string {
  const s = SIGNS[locale];
  return text
    .replace(/(\d)\s*×/g, `$1${s.times}`)
    .replace(/(\d)\s*[–—-]\s*(\d)/g, `$1${s.to}$2`)
    .replace(/\s*÷\s*/g, s.divided)
    .replace(/\s*=\s*/g, s.equals)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The voice for a language: one for exactly that language and region if there is one, else any of the language. */
export function pickVoice<V extends { lang: string }>(voices: V[], lang: string): V | undefined {
  const norm = (l: string) => l.replace('_', '-').toLowerCase();
  const wanted = norm(lang);
  const primary = wanted.split('-')[0]!;
  return voices.find((v) => norm(v.lang) === wanted) ?? voices.find((v) => norm(v.lang).split('-')[0] === primary);
}
