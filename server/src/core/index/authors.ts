// The authors the sources name in their bylines (吴志成, 陶希东), with the articles each signed: read by
// hover (an author under the cursor) and by term-typo (an author's name typed with a homophone).
import type { SourceRef } from '../types';
import type { CorpusIndex } from './corpus';

const authorsByIndex = new WeakMap<CorpusIndex, Map<string, SourceRef[]>>();

/** Articles by each author named in a byline of two to six Chinese characters, built once per index. */
export function sourceAuthors(index: CorpusIndex): Map<string, SourceRef[]> {
  let map = authorsByIndex.get(index);
  if (!map) {
    map = new Map();
    for (const f of index.files) {
      f.articles.forEach((a, k) => {
        const name = a.author?.trim();
        if (!name || !/^\p{Script=Han}{2,6}$/u.test(name)) return;
        const list = map!.get(name) ?? [];
        list.push({ file: f.source.path, start: a.start, end: a.start, article: k });
        map!.set(name, list);
      });
    }
    authorsByIndex.set(index, map);
  }
  return map;
}
