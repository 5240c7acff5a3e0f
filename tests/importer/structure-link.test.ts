import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/checker/check-content.ts';
import { loadContentFiles } from '../../src/checker/load-content.ts';
import { findCandidates } from '../../src/importer/find-candidates.ts';
import { createEntityIndex, linkEntities, linkLocalReferences } from '../../src/importer/link.ts';
import { createSlug, listWords } from '../../src/importer/slug.ts';
import { escapeMarkdown, structureParagraph } from '../../src/importer/structure.ts';
import { join } from 'node:path';

const index = createEntityIndex(
  checkContent(loadContentFiles(join(import.meta.dirname, '..', '..', 'content'))).entries,
);

describe('structureParagraph', () => {
  test.each([
    ['一、**年工作回顧', '## 一、\\*\\*年工作回顧'],
    ['(一)攻難題,做到重點突出,全力做好企業改制工作。', '### (一)攻難題,做到重點突出,全力做好企業改制工作。'],
    [
      '(一)確立一個目標,推進自身建設。創建文明機關是創建文明城市的需要',
      '**(一)確立一個目標,推進自身建設。**創建文明機關是創建文明城市的需要',
    ],
    [
      '1、认真总结前一阶段经验,树立不达目标不罢休的精神。这项工作的目的、意义',
      '**1、认真总结前一阶段经验,树立不达目标不罢休的精神。**这项工作的目的、意义',
    ],
    // Mojibake swallowed the full stop: the bold stops before it, as in the curated text.
    [
      '3、不斷加強基層組織建設,著力夯實執政基礎?;鶎咏M織和基層干部是我們所有工作的基礎',
      '**3、不斷加強基層組織建設,著力夯實執政基礎**?;鶎咏M織和基層干部是我們所有工作的基礎',
    ],
    ['第一章 总则', '## 第一章 总则'],
    [
      '第一条 为了维护国家基本经济制度，巩固和发展国有经济，制定本法。',
      '**第一条** 为了维护国家基本经济制度，巩固和发展国有经济，制定本法。',
    ],
    ['第一章要求各单位加强领导，做好工作。', '第一章要求各单位加强领导，做好工作。'],
    [
      '全市帮扶解困和改革发展工作会议认为,概括讲有三点:1、比较全面地了解了情况。',
      '全市帮扶解困和改革发展工作会议认为,概括讲有三点:1、比较全面地了解了情况。',
    ],
  ])('%s', (paragraph, markdown) => {
    expect(structureParagraph(paragraph)).toBe(markdown);
  });

  test('escapes what Markdown would read as syntax', () => {
    expect(escapeMarkdown('# 标题')).toBe('\\# 标题');
    expect(escapeMarkdown('- 一项')).toBe('\\- 一项');
    expect(escapeMarkdown('1. 第一')).toBe('1\\. 第一');
    expect(escapeMarkdown('<script>x</script> [链接](javascript:x) a_b')).toBe(
      '&lt;script>x&lt;/script> \\[链接\\](javascript:x) a\\_b',
    );
  });
});

describe('linkEntities and findCandidates', () => {
  test('links known entities in either script', () => {
    const linked = linkEntities('金鉬集團董事長程方方、金鉬集團總經理馬健誠;省國資委副主任駱東山', index);
    expect(linked.enterprises).toEqual(['jinduicheng-molybdenum-group']);
    expect(linked.people).toEqual(['cheng-fangfang', 'ma-jiancheng', 'luo-dongshan']);
  });

  test('resolves names given without their place through the region, in either script', () => {
    const jinan = {
      province: { zh: '山东省', en: 'Shandong' },
      city: { zh: '济南市', en: 'Jinan' },
      basis: 'inferred' as const,
    };
    const text = '结合近期市委市政府、市国资委领导的一系列讲话精神,全市上下。';
    expect(linkLocalReferences(text, jinan, [], index).map((m) => [m.text, m.id])).toEqual([
      ['市委', 'jinan-party-committee'],
      ['市政府', 'jinan-municipal-government'],
      ['市国资委', 'jinan-municipal-sasac'],
    ]);
    const shaanxi = { province: { zh: '陕西省', en: 'Shaanxi' }, basis: 'inferred' as const };
    expect(linkLocalReferences('省國資委副主任駱東山', shaanxi, [], index).map((m) => m.id)).toEqual([
      'shaanxi-provincial-sasac',
    ]);
    expect(linkLocalReferences(text, undefined, [], index)).toEqual([]);
  });

  test('proposes new organisations, titles and numbered formulations, not known or generic names', () => {
    const text =
      '要求金鉬集團要按照國務院國資委總會計師沈瑩的要求編制方案。教育處、職工醫院、生活服務開發公司等單位負責人作了表態發言。' +
      '集团党委决定对分工做适度微调。市信访局交办7件。出台了《市属企业投资监督管理办法》。使控股集团早日实现“五化”战略。要顾全大局。';
    const candidates = findCandidates(text, linkEntities(text, index).mentions);
    expect(candidates.map((c) => [c.name, c.kind])).toEqual([
      ['生活服務開發公司', 'enterprise'],
      ['市信访局', 'enterprise'],
      ['《市属企业投资监督管理办法》', 'directive'],
      ['五化', 'directive'],
    ]);
    expect(candidates[0]?.context).toBe('教育處、職工醫院、生活服務開發公司等單位負責人作了表態發言。');
  });
});

describe('createSlug', () => {
  test('dates the id at its precision and names the enterprise by its id', () => {
    expect(
      createSlug({
        date: '2014-04-14',
        title: '控股集团帮扶解困和改革发展工作分析总结会',
        type: 'speech',
        entitySlug: 'jinan-investment-holding',
        entityText: '控股集团',
      }),
    ).toBe('2014-04-14-jinan-investment-holding-bangfu-jiekun-gaige-speech');
    expect(createSlug({ date: '2005', title: '二輕工作會議講話', type: 'speech', place: 'Yueqing City' })).toBe(
      '2005-yueqing-erqing-speech',
    );
    expect(listWords('帮扶解困和改革发展')).toEqual(['帮扶', '解困', '和', '改革', '发展']);
  });

  test('is always a valid slug of bounded length', () => {
    const slug = createSlug({
      date: '2019',
      title: '关于进一步深化国有企业改革推进混合所有制改革和现代企业制度建设的若干意见（试行）',
      type: 'notice',
    });
    expect(slug).toMatch(/^2019(?:-[a-z0-9]+)+-notice$/);
    expect(slug.length).toBeLessThanOrEqual(70);
  });
});
