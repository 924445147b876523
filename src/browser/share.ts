/** Wires every "Embed / Download" control: the choices rewrite the embed code, the button copies it. */
import { shareCode, type EmbedTheme, type ShareOptions } from '~/site/embed';

for (const control of document.querySelectorAll<HTMLElement>('[data-share]')) {
  const options = JSON.parse(control.dataset.share!) as ShareOptions;
  const locale = control.querySelector<HTMLSelectElement>('[data-choice="locale"]')!;
  const theme = control.querySelector<HTMLSelectElement>('[data-choice="theme"]')!;
  const code = control.querySelector('textarea')!;
  const button = control.querySelector('button')!;
  const status = control.querySelector('[role="status"]')!;
  const update = () => (code.value = shareCode(options, locale.value, theme.value as EmbedTheme));
  locale.addEventListener('change', update);
  theme.addEventListener('change', update);
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.value);
    } catch {
      // No clipboard permission (an insecure origin, an old browser): select the code for Ctrl+C.
      code.select();
      document.execCommand('copy');
    }
    status.textContent = options.labels.copied;
    setTimeout(() => (status.textContent = ''), 2500);
  });
}
