import { describe, expect, it } from 'vitest';
import { SPEECH_LANG, pickVoice, spokenText } from '~/i18n/speech';
import { edition } from '~/edition/edition';

describe('spokenText', () => {
  it('says the signs of derived figures and spans in words, in each language', () => {
    expect(spokenText('3.2 to 5.8× markup', 'en')).toBe('3.2 to 5.8 times markup');
    expect(spokenText('80 ÷ 25 = 3.2', 'en')).toBe('80 divided by 25 equals 3.2');
    expect(spokenText('2023–2024', 'fr')).toBe('2023 à 2024');
    expect(spokenText('3.2至5.8×', 'zh')).toBe('3.2至5.8倍');
    expect(spokenText('80 ÷ 25 = 3.2', 'zh')).toBe('80除以25等于3.2');
  });

  it('leaves figures that are already words as they are', () => {
    expect(spokenText('more than 4 million yuan', 'en')).toBe('more than 4 million yuan');
  });

  it('speaks the markup figure of the story without a sign a voice would misread', () => {
    for (const locale of ['en', 'zh', 'fr'] as const) {
      const text = edition(locale).book.get('shanghai.markup').text;
      expect(spokenText(text, locale)).not.toMatch(/[×÷=–]/);
    }
  }, 30_000);
});

describe('pickVoice', () => {
  const voices = [{ lang: 'en-US' }, { lang: 'en-GB' }, { lang: 'zh_CN' }, { lang: 'fr-CA' }];
  it('prefers the exact language and region, then any voice of the language, else none', () => {
    expect(pickVoice(voices, SPEECH_LANG.en)).toBe(voices[1]);
    expect(pickVoice(voices, SPEECH_LANG.zh)).toBe(voices[2]);
    expect(pickVoice(voices, SPEECH_LANG.fr)).toBe(voices[3]);
    expect(pickVoice([{ lang: 'de-DE' }], SPEECH_LANG.fr)).toBeUndefined();
  });
});
