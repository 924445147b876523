/** Wires every "Embed / Download" control: the choices rewrite the addresses and the embed code, the buttons copy them. */
import { shareAddresses, shareCode, type EmbedTheme, type ShareOptions } from '~/site/embed';

for (const control of document.querySelectorAll<HTMLElement>('[data-share]')) {
  const options = JSON.parse(control.dataset.share!) as ShareOptions;
  const locale = control.querySelector<HTMLSelectElement>('[data-choice="locale"]')!;
  const theme = control.querySelector<HTMLSelectElement>('[data-choice="theme"]')!;
  const address = control.querySelector<HTMLTextAreaElement>('textarea[data-copy="address"]')!;
  const code = control.querySelector<HTMLTextAreaElement>('textarea[data-copy="code"]')!;
  const status = control.querySelector('[role="status"]')!;
  const update = () => {
    address.value = shareAddresses(options, locale.value);
    code.value = shareCode(options, locale.value, theme.value as EmbedTheme);
  };
  locale.addEventListener('change', update);
  theme.addEventListener('change', update);
  for (const button of control.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const text = button.dataset.copy === 'address' ? address : code;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text.value);
      } catch {
        // No clipboard permission (an insecure origin, an old browser): select the text for Ctrl+C.
        text.select();
        document.execCommand('copy');
      }
      status.textContent = options.labels.copied;
      setTimeout(() => (status.textContent = ''), 2500);
    });
  }
}
