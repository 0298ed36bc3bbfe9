import * as assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorpusIndex } from '../../server/src/core/index/corpus';
import { Indexer } from '../../server/src/core/index/indexer';
import { termTypoRule } from '../../server/src/core/rules/termTypo';
import { applyFirst, runRule } from '../helpers/rules';

/** A word of a name replaced by one of like meaning, where the draft retells the sources (rules/nearSynonymSlips.ts). */
describe('term-typo: a word of a name the sources give, replaced by one of like meaning', () => {
  let seeds: CorpusIndex;
  before(async () => {
    seeds = await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild();
  });

  it('is corrected to the sources’ word where a run of their wording stands on both sides', () => {
    const cases: Array<[string, string, string]> = [
      // After a proper noun (中巴, ns), or a place's characters (乌) before the noun.
      ['从同巴基斯坦总理畅谈中巴经济长廊发展前景，到共叙合作。', '中巴经济走廊', '长'],
      ['贸易额创历史新高。中吉乌铁道项目正式启动，国际公路运输快速发展。', '中吉乌铁路', '道'],
      // After a noun after a proper noun (联合国|宪章|宗旨).
      ['上合组织始终恪守联合国宪章主旨和原则，坚定维护多边主义。', '宪章宗旨', '主'],
      // Inside a term the sources list or quote, beside marks (、 and “”).
      ['继全球发展倡议、全球安全提议、全球文明倡议之后，全球治理倡议又提出了。', '全球安全倡议', '提'],
      ['习近平主席在哈萨克斯坦发表重要演讲，提出共同建设“丝绸之路经济圈”倡议；几天后。', '丝绸之路经济带', '圈'],
    ];
    for (const [draft, intended, wrong] of cases) {
      const f = runRule(termTypoRule, draft, seeds);
      assert.equal(f.length, 1, `${draft}: ${JSON.stringify(f)}`);
      assert.equal(f[0].text, wrong, draft);
      assert.ok(applyFirst(draft, f).includes(intended), draft);
      assert.ok(f[0].message.includes(intended.slice(-2)), f[0].message);
      assert.ok(f[0].related?.length, 'points to the source place');
    }
  });

  it('is corrected after one-character names of China and a partner, each a word alone (中白工业园)', () => {
    const f = runRule(termTypoRule, '从同白俄罗斯总统探讨中白产业园建设进度，到同巴基斯坦总理畅谈。', seeds);
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['产', '工']]);
  });

  it('is corrected after a long run of their wording where the draft goes on in its own words after two of theirs (哈萨克斯坦分院揭牌，)', async () => {
    const draft = '在阿斯塔纳，中哈两国文化中心和北京语言大学哈萨克斯坦分院揭牌，“相信这将进一步促进两国民众相识相知相亲”。';
    const f = runRule(termTypoRule, draft, seeds);
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['院', '校']]);
    // (A short run before it is not enough with only two of theirs after it.)
    assert.deepEqual(runRule(termTypoRule, '他们的哈萨克斯坦分院揭牌，各方出席。', seeds), []);
    // (Nor where their word ends a term of theirs that no place or person names: 战略性新兴产业集群.)
    const dir = await mkdtemp(join(tmpdir(), 'pl-synonym-'));
    await writeFile(join(dir, 'a.txt'), '要培育壮大战略性新兴产业集群发展工程，加快发展。\n\n着力打造“战略性新兴产业集群”。');
    const index = await new Indexer({ folders: [dir], includeSeeds: false, maxFileSize: 1e6 }).rebuild();
    assert.deepEqual(runRule(termTypoRule, '推动战略性新兴产业集聚发展的体制机制。', index), []);
  });

  it('is corrected where the name ends at a mark in the draft and the sources, the draft going on in its own words', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pl-synonym-'));
    await writeFile(join(dir, 'a.txt'), '贸易额创历史新高，国际公路运输快速发展，中吉乌铁路、中欧班列运行顺畅。');
    const index = await new Indexer({ folders: [dir], includeSeeds: false, maxFileSize: 1e6 }).rebuild();
    const f = runRule(termTypoRule, '贸易额创历史新高，国际公路运输快速发展，中吉乌铁道、跨境电商蓬勃兴起。', index);
    assert.deepEqual(f.map((x) => [x.text, x.replacements[0]]), [['道', '路']]);
    // (Without the mark, two characters of the draft's own after the name tell nothing.)
    assert.deepEqual(runRule(termTypoRule, '贸易额创历史新高，国际公路运输快速发展，中吉乌铁道跨境电商蓬勃兴起。', index), []);
  });

  it('leaves a writer’s own word alone where the sources’ word is no name’s', () => {
    for (const draft of [
      // 管道 after an adjective (老旧), not a name: their 加快老旧管道改造升级.
      '要加快老旧管线改造升级，严格限制超高层建筑。',
      // 国际 inside an item of theirs that is an action (维护国际粮食安全), not a name.
      '在维护国家粮食安全、能源安全中发挥作用。',
      // No run of theirs on both sides: the same swap in the draft's own words.
      '这条铁道项目正在建设中。',
    ]) {
      assert.deepEqual(runRule(termTypoRule, draft, seeds), [], draft);
    }
  });

  it('leaves generic nouns and coinages by analogy alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pl-synonym-'));
    await writeFile(
      join(dir, 'a.txt'),
      [
        '各级干部要认真学习领会习近平新时代中国特色社会主义思想，推动国家创新体系整体效益显著提升。',
        '必须坚持“全面从严治党”，把“全面从严治党”贯穿始终。要落实全面从严治党，加强党的建设。',
      ].join('\n\n'),
    );
    const index = await new Indexer({ folders: [dir], includeSeeds: false, maxFileSize: 1e6 }).rebuild();
    for (const draft of [
      // A noun after common nouns (学习|领会, 体系|整体|效益): the writer's rephrasing.
      '各级干部要认真学习领悟习近平新时代中国特色社会主义思想。',
      '推动国家创新体系整体效能显著提升。',
      // A slogan's rare fragment (治党) changed by analogy: a new name, not a slip.
      '宗教界要落实全面从严治教，加强自身建设。',
    ]) {
      assert.deepEqual(runRule(termTypoRule, draft, index), [], draft);
    }
  });
});
