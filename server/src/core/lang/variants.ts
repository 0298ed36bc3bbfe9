// Traditional/variant → mainland simplified conversion (OpenCC through opencc-js, with its phrase tables).
/** What this project uses of opencc-js (it ships no types). */
export interface OpenCCModule {
  Converter(o: { from: string; to: string }): (s: string) => string;
  ConverterFactory(...groups: unknown[]): (s: string) => string;
  Locale: { from: Record<string, string[][]>; to: Record<string, string[][]> };
}

/** opencc-js, required on first use (its tables take ~25 ms to set up): an index never needs it. */
// eslint-disable-next-line @typescript-eslint/no-var-requires
export const openCC = (): OpenCCModule => require('opencc-js') as OpenCCModule;

let toCn: ((s: string) => string) | undefined;
let twToCn: ((s: string) => string) | undefined;
let toTw: ((s: string) => string) | undefined;

/** Converts traditional Chinese text to mainland simplified (opencc t → cn). Length is preserved per character. */
export function toSimplified(text: string): string {
  toCn ??= openCC().Converter({ from: 't', to: 'cn' });
  return toCn(text);
}

/**
 * Converts Taiwan-standard text to mainland simplified (opencc tw → cn): its phrase tables write
 * the particle 着 for Taiwan's 著 (隨著 → 随着), which t → cn keeps — but everywhere, 顯著 → 显着
 * too, so a caller must weigh each change against the words.
 */
export function toSimplifiedFromTaiwan(text: string): string {
  twToCn ??= openCC().Converter({ from: 'tw', to: 'cn' });
  return twToCn(text);
}

/** Converts simplified text to traditional (opencc cn → t); used to tell simplified-only characters apart. */
export function toTraditional(text: string): string {
  toTw ??= openCC().Converter({ from: 'cn', to: 't' });
  return toTw(text);
}
