/**
 * The story's [[block]] parser, in plain JavaScript (typed with JSDoc) so the ledger tool in scripts/
 * runs it as is under Node, and src/edition/story.ts and the tests import the same function.
 */

const BLOCK = /^\[\[([a-z0-9-]+)\]\]\s*$/;

/**
 * Splits a story file into its [[blocks]]; comments and text before the first block are ignored.
 * @param {string} source
 * @param {string} file
 * @returns {Map<string, string>}
 */
export function parseBlocks(source, file) {
  /** @type {Map<string, string>} */
  const blocks = new Map();
  /** @type {string | undefined} */
  let current;
  /** @type {string[]} */
  const lines = [];
  const flush = () => {
    if (current) blocks.set(current, lines.join('\n').trim());
    lines.length = 0;
  };
  for (const line of source.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    const m = BLOCK.exec(line);
    if (m) {
      flush();
      if (blocks.has(m[1])) throw new Error(`${file}: block "${m[1]}" appears twice`);
      current = m[1];
    } else lines.push(line);
  }
  flush();
  return blocks;
}
