/**
 * The part of Unicode's confusables (UTS #39, confusables.txt) that matters for
 * candidates' names: Greek, Cyrillic and Latin letters that look like Latin
 * ones, and the digits and letters that look like each other. Each entry is a
 * prototype, as UTS #39 gives it, and the characters it stands for.
 *
 * Left out on purpose, as NFKC already folds them (lookalike.ts applies it
 * first): full-width and mathematical letters (Ａ, 𝐀), ligatures (ﬁ), Roman
 * numerals (Ⅰ), superscripts. Left out as beyond names: other scripts
 * (Armenian, Cherokee, Arabic…), symbols and box drawing. Written by hand: the
 * npm package `confusables` is a looser homoglyph list, not UTS #39.
 */
export const CONFUSABLE_PROTOTYPES: Readonly<Record<string, string>> = {
  // UTS #39 reads 1, I and l as one letter, 0 and O as another, m as "rn", w as "vv".
  l: '1I|\u01C0\u0196\u0399\u0406\u04C0', // 1 I | ǀ Ɩ, Greek Ι, Cyrillic І Ӏ
  O: '0\u039F\u041E\u0398\u03F4\u04E8', // 0, Greek Ο Θ ϴ, Cyrillic О Ө
  o: '\u03BF\u03C3\u043E\u1D0F\u03B8\u04E9\u0275', // Greek ο σ, Cyrillic о, ᴏ, Greek θ, Cyrillic ө, ɵ
  rn: 'm\u043C\u1D0D', // m, Cyrillic м, ᴍ
  vv: 'w\u0461\u051D\u026F\u1D21', // w, Cyrillic ѡ ԝ, ɯ ᴡ
  a: '\u0251\u03B1\u0430', // ɑ, Greek α, Cyrillic а
  A: '\u0391\u0410\u1D00', // Greek Α, Cyrillic А, ᴀ
  b: '\u0184\u042C', // Ƅ, Cyrillic Ь
  B: '\u0392\u0412', // Greek Β, Cyrillic В
  c: '\u03F2\u0441\u1D04', // Greek ϲ, Cyrillic с, ᴄ
  C: '\u03F9\u0421', // Greek Ϲ, Cyrillic С
  d: '\u0501', // Cyrillic ԁ
  e: '\u0435\u04BD', // Cyrillic е ҽ
  E: '\u0395\u0415', // Greek Ε, Cyrillic Е
  g: '\u0261\u018D', // ɡ ƍ
  G: '\u050C', // Cyrillic Ԍ
  h: '\u04BB', // Cyrillic һ
  H: '\u0397\u041D', // Greek Η, Cyrillic Н
  i: '\u0131\u0269\u026A\u03B9\u0456\u04CF', // ı ɩ ɪ, Greek ι, Cyrillic і ӏ
  j: '\u03F3\u0458', // Greek ϳ, Cyrillic ј
  J: '\u037F\u0408', // Greek Ϳ, Cyrillic Ј
  k: '\u03BA\u03F0\u043A\u0138\u1D0B', // Greek κ ϰ, Cyrillic к, ĸ ᴋ
  K: '\u039A\u041A', // Greek Κ, Cyrillic К
  M: '\u039C\u041C\u03FA', // Greek Μ, Cyrillic М, Greek Ϻ
  n: '\u03C0\u043F\u1D28\u03B7', // Greek π, Cyrillic п, ᴨ, Greek η (n with a tail)
  N: '\u039D', // Greek Ν
  p: '\u03C1\u03F1\u0440', // Greek ρ ϱ, Cyrillic р
  P: '\u03A1\u0420', // Greek Ρ, Cyrillic Р
  q: '\u051B', // Cyrillic ԛ
  r: '\u0433\u1D26', // Cyrillic г, ᴦ
  s: '\u0455\uA731\u01BD', // Cyrillic ѕ, ꜱ ƽ
  S: '\u0405', // Cyrillic Ѕ
  ss: '\u03B2\u03D0', // Greek β ϐ, read as ß (which lookalike.ts spells ss)
  t: '\u03C4\u0442\u1D1B', // Greek τ, Cyrillic т, ᴛ
  T: '\u03A4\u0422', // Greek Τ, Cyrillic Т
  u: '\u03C5\u0446\u028B\u1D1C', // Greek υ, Cyrillic ц, ʋ ᴜ
  v: '\u03BD\u0475\u1D20', // Greek ν, Cyrillic ѵ, ᴠ
  V: '\u0474', // Cyrillic Ѵ
  W: '\u051C', // Cyrillic Ԝ
  x: '\u0445\u00D7', // Cyrillic х, ×
  X: '\u03A7\u0425', // Greek Χ, Cyrillic Х
  y: '\u0443\u04AF\u03B3\u0263\u028F', // Cyrillic у ү, Greek γ, ɣ ʏ
  Y: '\u03A5\u04AE\u03D2', // Greek Υ ϒ, Cyrillic Ү
  z: '\u1D22', // ᴢ
  Z: '\u0396', // Greek Ζ
  '3': '\u0417\u021C\u01B7', // Cyrillic З, Ȝ Ʒ
  '6': '\u0431', // Cyrillic б
  '8': '\u0223\u0222', // ȣ Ȣ
  ae: '\u04D5', // Cyrillic ӕ
  AE: '\u04D4', // Cyrillic Ӕ
  '-': '\u2212', // minus sign
  "'": '\u00B4`\u02B9\u02BB\u02BC\u02BD\u02C8\u02CA\u02CB', // ´ ` and the modifier letters used as apostrophes
};

/**
 * Latin letters whose mark is part of the letter, so that NFD cannot take it
 * off (UTS #39 maps them to the bare letter with an overlay). lookalike.ts
 * treats them as accents: "Łukasz" and "Lukasz" differ only in an accent.
 */
export const BARE_LETTERS: Readonly<Record<string, string>> = {
  o: '\u00F8', // ø
  O: '\u00D8', // Ø
  l: '\u0142\u019A', // ł ƚ
  L: '\u0141', // Ł
  d: '\u0111', // đ
  D: '\u0110\u00D0', // Đ Ð
  h: '\u0127', // ħ
  H: '\u0126', // Ħ
  t: '\u0167', // ŧ
  T: '\u0166', // Ŧ
  i: '\u0268', // ɨ
  z: '\u01B6', // ƶ
  ss: '\u00DF', // ß
  ae: '\u00E6', // æ
  AE: '\u00C6', // Æ
  oe: '\u0153', // œ
  OE: '\u0152', // Œ
};
