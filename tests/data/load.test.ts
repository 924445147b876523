import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inLocale, loadData, DataError, DATA_DIR } from '~/data/load';

/** A copy of data/ with one file changed, so each test breaks exactly one thing. */
function withEdit(file: string, edit: (json: any) => unknown | void): string {
  const dir = mkdtempSync(join(tmpdir(), 'sold-numbers-data-'));
  cpSync(DATA_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  const replaced = edit(json);
  writeFileSync(path, typeof replaced === 'string' ? replaced : JSON.stringify(replaced ?? json));
  return dir;
}

function errorOf(dir: string): DataError {
  try {
    loadData(dir);
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('loadData accepted bad data');
}

const SHANGHAI = 'cases/shanghai-jiading.json';

describe('loadData', () => {
  it('loads the committed data', () => {
    const data = loadData();
    expect(data.facts.get('shanghai.victims')).toMatchObject({ value: 1000, qualifier: 'over' });
    expect(data.facts.get('shanghai.price-resale')?.range).toEqual({ min: 80, max: 145 });
    expect(data.places.get('linwu')?.code).toBe('431025');
    expect(data.datasets.map((d) => d.id)).toEqual(expect.arrayContaining(['shanghai-jiading', 'hunan-linwu', 'mps-cases-solved', 'spp-aiding-prosecutions']));
  });

  it('records the 18 provinces as a count and names only Hunan', () => {
    const data = loadData();
    expect(data.facts.get('hunan.provinces')?.value).toBe(18);
    const named = [...data.places.values()].filter((p) => p.network);
    expect(named.map((p) => p.iso)).toEqual(['CN-HN']);
  });

  it('every record cites sources that exist', () => {
    const data = loadData();
    for (const record of [...data.facts.values(), ...data.events.values(), ...data.places.values()]) {
      for (const s of record.sources) expect(data.sourceById.has(s), `${record.id} -> ${s}`).toBe(true);
    }
  });
});

/** Gives a copy of updates.json a publication entry (the committed log has none until the story is published) and returns it. */
function published(j: any) {
  j.updates = [{ date: { value: '2027-01-15', precision: 'day' }, published: true, text: { en: 'First published.', zh: '首次发布。', fr: 'Première publication.' } }];
  return j.updates[0];
}

describe('loadData rejects bad data with file, record and field', () => {
  const cases: [string, string, (json: any) => unknown | void, string][] = [
    ['malformed JSON', SHANGHAI, () => '{ "id": "shanghai-jiading", ', `${SHANGHAI}: record "(file)", field "(json)": malformed JSON`],
    [
      'a fact with no source',
      SHANGHAI,
      (j) => void (j.facts[0].sources = []),
      `${SHANGHAI}: record "shanghai.customer-age", field "sources": a fact needs at least one source`,
    ],
    [
      'an unknown source id',
      SHANGHAI,
      (j) => void (j.facts[1].sources = ['no-such-source']),
      `${SHANGHAI}: record "shanghai.price-first-sale", field "sources.0": unknown source id "no-such-source"`,
    ],
    [
      'a date that does not parse',
      SHANGHAI,
      (j) => void (j.facts[4].date.value = '2021-13'),
      `${SHANGHAI}: record "shanghai.arrested", field "date.value": "2021-13" is not a calendar date`,
    ],
    [
      'a date that is not a date at all',
      SHANGHAI,
      (j) => void (j.events[0].date.value = 'last May'),
      `${SHANGHAI}: record "shanghai.number-bought", field "date.value": "last May" is not a date`,
    ],
    [
      'a date that contradicts its precision',
      SHANGHAI,
      (j) => void (j.facts[4].date = { value: '2021-08-20', precision: 'month' }),
      `${SHANGHAI}: record "shanghai.arrested", field "date.value": "2021-08-20" is a day but precision says month`,
    ],
    ['a negative count', SHANGHAI, (j) => void (j.facts[4].value = -14), `${SHANGHAI}: record "shanghai.arrested", field "value": must not be negative`],
    [
      'a range with min > max',
      SHANGHAI,
      (j) => void (j.facts[3].range = { min: 145, max: 80 }),
      `${SHANGHAI}: record "shanghai.price-resale", field "range.min": min is greater than max`,
    ],
    [
      'a duplicate id in one file',
      SHANGHAI,
      (j) => void (j.facts[1].id = j.facts[0].id),
      `${SHANGHAI}: record "shanghai.customer-age", field "id": duplicate id`,
    ],
    [
      'a duplicate id across files',
      'cases/hunan-linwu.json',
      (j) => void (j.facts[0].id = 'shanghai.victims'),
      `${SHANGHAI}: record "shanghai.victims", field "id": duplicate id (also in cases/hunan-linwu.json)`,
    ],
    [
      'a duplicate source id',
      'sources.json',
      (j) => void (j.sources[1].id = j.sources[0].id),
      `sources.json: record "shine-2021-09-07", field "id": duplicate id`,
    ],
    [
      'an unknown fact in an event count',
      SHANGHAI,
      (j) => void (j.events[2].counts[0].fact = 'shanghai.nothing'),
      `${SHANGHAI}: record "shanghai.arrests", field "counts.0.fact": unknown fact id "shanghai.nothing"`,
    ],
    [
      'a fact with both value and range',
      SHANGHAI,
      (j) => void (j.facts[3].value = 100),
      `${SHANGHAI}: record "shanghai.price-resale", field "value": give exactly one of value or range`,
    ],
    ['a misspelt field', SHANGHAI, (j) => void (j.facts[0].soruces = ['shine-2021-09-07']), `${SHANGHAI}: record "shanghai.customer-age", field "(record)"`],
    ['a record without an id', SHANGHAI, (j) => void delete j.facts[2].id, `${SHANGHAI}: record "facts[2]", field "id"`],
    [
      'a mirror without its retrieved-from page',
      'sources.json',
      (j) => void (j.sources.find((s: any) => s.kind === 'mirror').retrievedFrom = undefined),
      `field "retrievedFrom": a mirror needs the page it was retrieved from`,
    ],
    [
      'a province code in the wrong form',
      'cases/hunan-linwu.json',
      (j) => void (j.places[0].iso = 'Hunan'),
      `cases/hunan-linwu.json: record "hunan", field "iso": must be an ISO 3166-2 code`,
    ],
    [
      'an empty Chinese publisher name',
      'sources.json',
      (j) => void (j.sources[3].publisher.zh = ' '),
      `sources.json: record "xinhua-2021-04-09", field "publisher.zh": must not be empty`,
    ],
    [
      'a publisher in an unknown language',
      'sources.json',
      (j) => void (j.sources[3].publisher.de = 'Xinhua'),
      `sources.json: record "xinhua-2021-04-09", field "publisher"`,
    ],
    ['a title with no English', 'sources.json', (j) => void delete j.sources[3].title.en, `sources.json: record "xinhua-2021-04-09", field "title.en"`],
    [
      'an update logged before the publication',
      'updates.json',
      (j) => void (j.updates = [{ date: { value: '2027-01-15', precision: 'day' }, text: { en: 'x', zh: 'x', fr: 'x' } }]),
      `updates.json: record "(file)", field "updates": the first entry must be the publication`,
    ],
    ['an update without a date', 'updates.json', (j) => void delete published(j).date, `updates.json: record "updates[0]", field "date"`],
    [
      'an update dated only to the month',
      'updates.json',
      (j) => void (published(j).date = { value: '2026-12', precision: 'month' }),
      `updates.json: record "updates[0]", field "date.precision": an update needs a day-precise date`,
    ],
    ['an update missing its French text', 'updates.json', (j) => void delete published(j).text.fr, `updates.json: record "updates[0]", field "text.fr"`],
    [
      'two publication entries',
      'updates.json',
      (j) => {
        const first = published(j);
        j.updates.push({ ...first, date: { value: '2027-02-01', precision: 'day' } });
      },
      `updates.json: record "(file)", field "updates": only one entry can be the publication`,
    ],
    [
      'updates out of date order',
      'updates.json',
      (j) => void (published(j), j.updates.push({ date: { value: '2020-01-01', precision: 'day' }, text: { en: 'x', zh: 'x', fr: 'x' } })),
      `updates.json: record "updates[1]", field "date.value": updates must be in date order`,
    ],
    [
      'a correction naming an unknown fact',
      'updates.json',
      (j) => void (published(j).facts = ['shanghai.nothing']),
      `updates.json: record "updates[0]", field "facts.0": unknown fact id "shanghai.nothing"`,
    ],
  ];

  it.each(cases)('%s', (_name, file, edit, message) => {
    const error = errorOf(withEdit(file, edit));
    expect(error.message).toContain(message);
  });

  it('gives each edition its own publisher names and titles, English where none is stored', () => {
    const data = loadData();
    const zh = inLocale(data, 'zh');
    const fr = inLocale(data, 'fr');
    expect(data.sourceById.get('xinhua-2021-04-09')!.publisher).toBe('Xinhua');
    expect(zh.sourceById.get('xinhua-2021-04-09')!.publisher).toBe('新华社');
    expect(zh.sourceById.get('spp-work-report-2024')!.publisher).toBe('最高人民检察院');
    expect(zh.sourceById.get('shine-2021-09-07')!.publisher).toBe('上海日报（SHINE）');
    expect(zh.sourceById.get('anti-fraud-law')!.title).toBe('《中华人民共和国反电信网络诈骗法》');
    expect(fr.sourceById.get('xinhua-2021-04-09')!.publisher).toBe('Agence Chine nouvelle (Xinhua)');
    // No French name stored: the English one, unchanged.
    expect(fr.sourceById.get('cns-2022-11-02')!.publisher).toBe('China News Service');
    expect(zh.facts).toBe(data.facts);
  });

  it('names the record and field as properties too', () => {
    const error = errorOf(withEdit(SHANGHAI, (j) => void (j.facts[4].value = -1)));
    expect([error.file, error.record, error.field]).toEqual([SHANGHAI, 'shanghai.arrested', 'value']);
  });
});
