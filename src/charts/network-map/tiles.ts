/**
 * The tile grid of China's 34 provincial-level divisions, as mainland statistical charts draw it: one
 * square each, in roughly its place, no boundary drawn. The zh edition's maps use it (a self-drawn map of
 * China with boundaries needs an approved base map there); Hong Kong, Macau and Taiwan are no-data tiles.
 * `short` is the division's one-character abbreviation (简称), the tile's label.
 */
export const TILE_GRID: Record<string, { col: number; row: number; short: string }> = {
  'CN-HL': { col: 7, row: 0, short: '黑' },
  'CN-NM': { col: 5, row: 1, short: '蒙' },
  'CN-BJ': { col: 6, row: 1, short: '京' },
  'CN-JL': { col: 7, row: 1, short: '吉' },
  'CN-LN': { col: 8, row: 1, short: '辽' },
  'CN-XJ': { col: 1, row: 2, short: '新' },
  'CN-GS': { col: 3, row: 2, short: '甘' },
  'CN-NX': { col: 4, row: 2, short: '宁' },
  'CN-SX': { col: 5, row: 2, short: '晋' },
  'CN-HE': { col: 6, row: 2, short: '冀' },
  'CN-TJ': { col: 7, row: 2, short: '津' },
  'CN-QH': { col: 2, row: 3, short: '青' },
  'CN-SN': { col: 4, row: 3, short: '陕' },
  'CN-HA': { col: 5, row: 3, short: '豫' },
  'CN-SD': { col: 6, row: 3, short: '鲁' },
  'CN-XZ': { col: 1, row: 4, short: '藏' },
  'CN-SC': { col: 3, row: 4, short: '川' },
  'CN-CQ': { col: 4, row: 4, short: '渝' },
  'CN-HB': { col: 5, row: 4, short: '鄂' },
  'CN-AH': { col: 6, row: 4, short: '皖' },
  'CN-JS': { col: 7, row: 4, short: '苏' },
  'CN-YN': { col: 2, row: 5, short: '云' },
  'CN-GZ': { col: 3, row: 5, short: '贵' },
  'CN-HN': { col: 4, row: 5, short: '湘' },
  'CN-JX': { col: 5, row: 5, short: '赣' },
  'CN-ZJ': { col: 6, row: 5, short: '浙' },
  'CN-SH': { col: 7, row: 5, short: '沪' },
  'CN-GX': { col: 3, row: 6, short: '桂' },
  'CN-GD': { col: 4, row: 6, short: '粤' },
  'CN-FJ': { col: 5, row: 6, short: '闽' },
  'CN-TW': { col: 7, row: 6, short: '台' },
  'CN-HI': { col: 3, row: 7, short: '琼' },
  'CN-MO': { col: 4, row: 7, short: '澳' },
  'CN-HK': { col: 5, row: 7, short: '港' },
};

export interface Tile {
  id: string;
  short: string;
  x: number;
  y: number;
  size: number;
}

/** The tiles laid out in a box of the given size: square, centred, with a gap between them. */
export function layoutTiles(ids: string[], box: { width: number; height: number }): Tile[] {
  const cols = 1 + Math.max(...Object.values(TILE_GRID).map((t) => t.col));
  const rows = 1 + Math.max(...Object.values(TILE_GRID).map((t) => t.row));
  const pitch = Math.min(box.width / cols, box.height / rows);
  const x0 = (box.width - pitch * cols) / 2;
  const y0 = (box.height - pitch * rows) / 2;
  return ids.map((id) => {
    const cell = TILE_GRID[id];
    if (!cell) throw new Error(`data/geo: no tile for the division "${id}"`);
    return { id, short: cell.short, x: Math.round(x0 + cell.col * pitch + 2), y: Math.round(y0 + cell.row * pitch + 2), size: Math.round(pitch - 4) };
  });
}
