/**
 * The reading toolbar (src/components/ReadingTools.astro): text size and Listen. Plain DOM, no island.
 * Text size: data-text-size on <html> (tokens.css scales every rem), kept in localStorage; public/text-size.js
 * applies it before the page is drawn. Listen: the browser's speechSynthesis, one utterance per passage,
 * the passage marked while it is read; no request leaves the page.
 */
import { pickVoice, spokenText } from '~/i18n/speech';
import type { Locale } from '~/i18n/locale';

const KEY = 'sold-numbers:text-size';
type Size = 'normal' | 'large' | 'largest';

function setSize(size: Size, buttons: HTMLButtonElement[]) {
  const root = document.documentElement;
  if (size === 'normal') root.removeAttribute('data-text-size');
  else root.setAttribute('data-text-size', size);
  for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.size === size));
  try {
    if (size === 'normal') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, size);
  } catch {
    // Storage blocked: the size holds for this visit.
  }
}

/** The voices, once the browser has loaded them (Chromium lists them only after voiceschanged). */
function voices(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(synth.getVoices());
    synth.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, 1500);
  });
}

for (const tools of document.querySelectorAll<HTMLElement>('.reading-tools')) {
  const { lang = 'en-GB', locale = 'en', passages = 'main p', pause: pauseLabel, resume: resumeLabel, noVoice, noSpeech } = tools.dataset;
  const sizeButtons = [...tools.querySelectorAll<HTMLButtonElement>('[data-size]')];
  const current = (document.documentElement.getAttribute('data-text-size') ?? 'normal') as Size;
  for (const b of sizeButtons) {
    b.setAttribute('aria-pressed', String(b.dataset.size === current));
    b.addEventListener('click', () => setSize(b.dataset.size as Size, sizeButtons));
  }

  const play = tools.querySelector<HTMLButtonElement>('.play')!;
  const pause = tools.querySelector<HTMLButtonElement>('.pause')!;
  const stop = tools.querySelector<HTMLButtonElement>('.stop')!;
  const status = tools.querySelector<HTMLElement>('.status')!;
  const synth = 'speechSynthesis' in window ? speechSynthesis : undefined;
  let marked: Element | undefined;
  let paused = false;
  // Each Listen starts a new reading; utterances of a stopped one must not mark or go on.
  let reading = 0;

  const mark = (el?: Element) => {
    marked?.classList.remove('speaking');
    marked = el;
    el?.classList.add('speaking');
    el?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
  };
  const playing = (on: boolean) => {
    pause.hidden = stop.hidden = !on;
    paused = false;
    pause.textContent = pauseLabel ?? '';
  };
  const end = () => {
    reading++;
    synth?.cancel();
    mark();
    playing(false);
  };

  play.addEventListener('click', async () => {
    if (!synth) return void (status.textContent = noSpeech ?? '');
    end();
    const id = reading;
    const voice = pickVoice(await voices(synth), lang);
    if (!voice) return void (status.textContent = noVoice ?? '');
    status.textContent = '';
    const list = [...document.querySelectorAll(passages)].filter((el) => el.textContent?.trim() && !el.closest('[hidden], .reading-tools'));
    const speak = (i: number) => {
      if (id !== reading) return;
      const el = list[i];
      if (!el) return end();
      mark(el);
      const utterance = new SpeechSynthesisUtterance(spokenText(el.textContent ?? '', locale as Locale));
      utterance.lang = lang;
      utterance.voice = voice;
      utterance.onend = () => speak(i + 1);
      synth.speak(utterance);
    };
    playing(true);
    speak(0);
  });
  pause.addEventListener('click', () => {
    if (!synth) return;
    paused = !paused;
    if (paused) synth.pause();
    else synth.resume();
    pause.textContent = (paused ? resumeLabel : pauseLabel) ?? '';
  });
  stop.addEventListener('click', () => {
    end();
    play.focus();
  });
  addEventListener('pagehide', end);
  // Its place was kept since the first paint (ReadingTools.astro): it shows, and nothing moves.
  tools.dataset.ready = '';
}
