/**
 * Drawing lots, deterministically: the group announces a seed before the vote,
 * and anyone can redo a draw from it with a few lines of code in any language
 * (docs/rules-counting.md shows them). No hidden randomness, no clock.
 *
 * - key: the seed, the race's name and the round number, joined by line feeds;
 * - hash: FNV-1a (32-bit) over the UTF-8 bytes of the key;
 * - generator: mulberry32 seeded with that hash, each number divided by 2^32;
 * - shuffle: Fisher–Yates over the tied names in ballot order, from the last
 *   position down: position i swaps with floor(random × (i + 1)).
 */
import { RulesError } from './rules';

function utf8Bytes(text: string): number[] {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    throw new RulesError([`seed ${JSON.stringify(text)} is not valid text`]);
  }
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === '%') {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(encoded.charCodeAt(i));
    }
  }
  return bytes;
}

/** FNV-1a, 32-bit, of the UTF-8 bytes of `text`. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8Bytes(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, well-known 32-bit generator; numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The key a draw is seeded from, so one seed gives each race and round its own draw. */
export function lotKey(seed: string, race: string, round: number): string {
  return `${seed}\n${race}\n${round}`;
}

/** The tied names (in ballot order) shuffled by lot: the first go on, the last is eliminated. */
export function drawLots(seed: string, race: string, round: number, tied: readonly string[]): string[] {
  const random = mulberry32(fnv1a(lotKey(seed, race, round)));
  const order = tied.slice();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
