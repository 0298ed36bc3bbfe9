// The side-by-side rule set: 500 wrong→right pairs made deterministically from frequent four-character
// words of the draft text, each wrong form one character off and absent from every real text given.
const POOL = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经三之进着等部度家电力里如水化高自理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';

function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Frequent four-character words (jieba, no HMM) of `base`, each with a one-character-off wrong form. */
export function makeRules({ jieba, base, avoid = [], count = 500 }) {
  const freq = new Map();
  for (const w of jieba.cut(base, false)) if (/^[\u4e00-\u9fff]{4}$/.test(w)) freq.set(w, (freq.get(w) ?? 0) + 1);
  const words = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w]) => w);
  const used = new Set(words);
  const texts = [base, ...avoid];
  const rules = [];
  for (const right of words) {
    if (rules.length >= count) break;
    const h = fnv1a(right);
    for (let a = 0; a < 16; a++) {
      const pos = (h + a) % 4;
      const repl = POOL[((h >>> 8) + a * 131) % POOL.length];
      if (repl === right[pos] || repl === right[pos - 1] || repl === right[pos + 1]) continue;
      const wrong = right.slice(0, pos) + repl + right.slice(pos + 1);
      if (used.has(wrong) || texts.some((t) => t.includes(wrong))) continue;
      used.add(wrong);
      rules.push({ wrong, right, freq: freq.get(right) });
      break;
    }
  }
  if (rules.length < count) throw new Error(`only ${rules.length} rules could be made`);
  return rules;
}

function occurrences(text, s) {
  const out = [];
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) out.push(i);
  return out;
}

/** Every occurrence of every wrong form (the expected findings), as sorted offsets. */
export function truthCount(text, rules) {
  const offsets = [];
  const spans = [];
  for (const r of rules) for (const o of occurrences(text, r.wrong)) {
    offsets.push(o);
    spans.push([o, o + r.wrong.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let overlaps = 0;
  for (let i = 1; i < spans.length; i++) if (spans[i][0] < spans[i - 1][1]) overlaps++;
  return { count: offsets.length, offsets: offsets.sort((a, b) => a - b), overlaps };
}

/**
 * Replaces up to `perRule` occurrences of each right form (spread over the text) by its wrong form.
 * Wrong and right forms have the same length, so offsets do not move. Plants never touch each other.
 */
export function plant(text, rules, perRule) {
  const n = Math.round(perRule);
  const taken = new Uint8Array(text.length + 8);
  const chars = text.split('');
  const plants = [];
  for (const r of rules) {
    const occ = occurrences(text, r.right);
    if (!occ.length) continue;
    const want = Math.min(n, occ.length);
    for (let j = 0; j < want; j++) {
      const at = occ[Math.floor((j * occ.length) / want)];
      const lo = Math.max(0, at - 3);
      const hi = at + r.right.length + 3;
      let free = true;
      for (let k = lo; k < hi && free; k++) if (taken[k]) free = false;
      if (!free) continue;
      for (let k = at; k < at + r.right.length; k++) taken[k] = 1;
      for (let k = 0; k < r.wrong.length; k++) chars[at + k] = r.wrong[k];
      plants.push({ at, rule: r });
    }
  }
  const out = chars.join('');
  const truth = truthCount(out, rules);
  return { text: out, plants: plants.length, truth };
}
