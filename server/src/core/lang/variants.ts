// Traditional/variant → mainland simplified conversion (OpenCC through opencc-js, with its phrase tables).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const OpenCC = require('opencc-js') as { Converter(o: { from: string; to: string }): (s: string) => string };

let toCn: ((s: string) => string) | undefined;
let toTw: ((s: string) => string) | undefined;

/** Converts traditional Chinese text to mainland simplified (opencc t → cn). Length is preserved per character. */
export function toSimplified(text: string): string {
  toCn ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toCn(text);
}

/** Converts simplified text to traditional (opencc cn → t); used to tell simplified-only characters apart. */
export function toTraditional(text: string): string {
  toTw ??= OpenCC.Converter({ from: 'cn', to: 't' });
  return toTw(text);
}
