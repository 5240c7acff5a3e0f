import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/checker/check-content.ts';
import { loadContentFiles } from '../../src/checker/load-content.ts';
import { importPage, type ImportReport } from '../../src/importer/import-page.ts';
import { createEntityIndex } from '../../src/importer/link.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const index = createEntityIndex(
  checkContent(loadContentFiles(join(import.meta.dirname, '..', '..', 'content'))).entries,
);
const importFixture = (name: string): ImportReport =>
  importPage(readFileSync(join(FIXTURES, name)), name, { index }).report;

// Pages of kinds the seeds do not show, written for these tests.
describe('importing pages of every kind', () => {
  test.each<[string, Partial<ImportReport>, RegExp?]>([
    [
      'news-report.txt',
      {
        type: 'news',
        title: '全市国有企业改革推进会召开',
        date: '2019-03-12',
        date_basis: 'inferred',
        published: '2019-03-13',
      },
      /^本报讯（记者 李明）3月12日/,
    ],
    [
      'xinhua-news.txt',
      {
        type: 'news',
        date: '2016-03-05',
        published: '2016-03-06',
        body_last_line:
          '会议强调，要以供给侧结构性改革为主线，加快处置“僵尸企业”，扎实推进“三供一业”分离移交，切实减轻国有企业的历史负担。',
      },
    ],
    [
      'notice.txt',
      {
        type: 'notice',
        title: '关于做好市属企业退休人员社会化管理工作的通知',
        date: '2019-05-20',
        date_basis: 'stated',
        body_first_line: '各市属国有企业：',
        body_last_line: '2019年5月20日',
      },
    ],
    [
      'work-report.txt',
      {
        type: 'report',
        title: '在2016年全市国资国企工作会议上的报告',
        subtitle: '深化改革 强化监管 推动国有经济持续健康发展',
        date: '2016-02-26',
        uploaded: '2017-01-05',
        speaker_name: '赵志刚',
      },
    ],
    [
      'company-news.txt',
      {
        type: 'news',
        title: '集团公司召开2021年第一季度经济运行分析会',
        date: '2021-04-09',
        published: '2021-04-12',
        body_last_line: '李四强调，各单位要牢固树立“过紧日子”思想，持续推进降本增效，全力以赴完成全年目标任务。',
      },
    ],
    [
      'traditional-news.txt',
      {
        type: 'news',
        script: 'zh-Hant',
        title: '國企改革三年行動方案通過 央企聚焦主業',
        date: '2020-06-30',
        date_basis: 'stated',
        body_last_line: '分析指出，方案落實後，「混合所有制改革」將進一步深化，國有企業將更加聚焦主業。',
        directives: [
          'soe-reform-three-year-action-plan',
          'basic-economic-system',
          'stronger-better-bigger',
          'mixed-ownership-reform',
        ],
      },
    ],
    [
      'pdf-wrapped.txt',
      // 到2020年 is the plan's target year, not the notice's date: the draft stays undated.
      {
        type: 'notice',
        title: '关于深化市属国有企业改革的实施意见',
        date: null,
        date_basis: null,
        date_evidence: null,
      },
    ],
    [
      'government-report.txt',
      {
        type: 'report',
        title: '2019年政府工作报告',
        date: '2019-01-15',
        date_basis: 'stated',
        published: '2019-01-20',
        speaker_name: '张三',
      },
      /^——2019年1月15日在某市第十六届人民代表大会第四次会议上$/,
    ],
    [
      'traditional.txt',
      {
        type: 'speech',
        script: 'zh-Hant',
        title: '在全省國有企業改革座談會上的講話',
        body_first_line: '各位同志：',
        body_last_line: '謝謝大家！',
      },
    ],
    [
      'cut-off.txt',
      {
        type: 'speech',
        title: '在集团公司2018年安全生产工作会议上的讲话',
        date: '2018',
        date_basis: 'stated',
        date_evidence: '在集团公司2018年安全生产工作会议上的讲话',
      },
    ],
    ['spam-injected.txt', { type: 'speech', date: '2010-04-08', date_basis: 'stated' }],
    [
      'law-bilingual.txt',
      {
        type: 'law',
        title: '中华人民共和国企业国有资产法',
        body_first_line: '第一章 总则',
        type_reason: expect.stringMatching(/law/),
      },
    ],
    [
      'saved-page.html',
      {
        type: 'news',
        title: '市属企业混合所有制改革工作座谈会召开',
        date: '2018-09-06',
        published: '2018-09-07',
        body_last_line:
          '会议要求，要规范操作程序，严格资产评估，防止国有资产流失；要同步推进员工持股试点，建立健全激励约束机制。',
      },
      /^9月6日下午/,
    ],
  ])('%s', (name, expected, firstLine) => {
    const report = importFixture(name);
    expect(report).toMatchObject({ ok: true, ...expected });
    // An undated draft's id says so, for the editor to rename once the date is known.
    expect(report.id).toMatch(
      report.date === null ? /^undated(?:-[a-z0-9]+)+$/ : /^\d{4}(?:-\d\d){0,2}(?:-[a-z0-9]+)+$/,
    );
    if (firstLine) expect(report.body_first_line).toMatch(firstLine);
  });

  test('refuses a page with no Chinese text', () => {
    const english = new TextEncoder().encode(
      'Home | News | About\nThe State Council announced today, after a long meeting, that reform of state-owned enterprises will continue; details follow.\n',
    );
    expect(importPage(english, 'english.txt', { index }).report).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^english\.txt: the text is not Chinese/),
    });
  });

  test('says what it did to each page', () => {
    expect(importFixture('cut-off.txt').warnings.join('\n')).toMatch(/may be cut off/);
    expect(importFixture('spam-injected.txt').warnings.join('\n')).toMatch(/removed 3 chrome or spam line/);
    expect(importFixture('law-bilingual.txt').warnings.join('\n')).toMatch(/kept 4 English line/);
    expect(importFixture('saved-page.html').warnings.join('\n')).toMatch(/HTML source of the page/);
    expect(importFixture('xinhua-news.txt').warnings.join('\n')).not.toMatch(/责任编辑/);
  });
});
