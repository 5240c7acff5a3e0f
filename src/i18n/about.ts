import type { Lang } from './index.ts';

/** One section of the About page: a heading and its paragraphs. */
export interface AboutSection {
  heading: string;
  paragraphs: string[];
}

/** The About page in each language; both say the same. */
export const ABOUT: Record<Lang, AboutSection[]> = {
  en: [
    {
      heading: 'What the archive is',
      paragraphs: [
        'The SOE Reform Archive collects speeches, work reports, experience-exchange talks and meeting news about the reform of Chinese state-owned and collective enterprises: restructuring, assistance and relief for enterprises in difficulty, worker resettlement, divesting enterprises of their social functions, inspection and rectification.',
        'Each document is kept in full, in the script it was published in, with English metadata, an English summary and, where one has been made, a full English translation aligned paragraph by paragraph. Every document is linked to the enterprises and agencies it concerns, the directives, campaigns and formulations it cites, and the people it names.',
      ],
    },
    {
      heading: 'Sources',
      paragraphs: [
        'The texts come from public web pages: enterprise websites, newspapers, and sites where speeches are shared or sold as model texts. Each document names its source site and, where the page gives one, its address, publication date and publisher. Many such pages hide names and dates (“xx”, “X月X日”, “**年”); the archive keeps those redactions as they are and says so.',
      ],
    },
    {
      heading: 'Method',
      paragraphs: [
        'Editors remove website clutter (menus, advertisements, footers, view counters) and nothing else. Damage in the source, such as garbled characters from a wrong text encoding, stays visible and is described in the document’s notes rather than silently repaired.',
        'Dates are given only as precisely as the evidence allows. When a text does not state its date, the year is inferred from its content and shown as “c. 2005”, with the evidence in the document’s notes. Places and identifications that are inferred are marked as such.',
        'The simplified or traditional rendering offered beside each original is converted automatically with OpenCC; the original script is authoritative. English follows one glossary of standard renderings, so that one Chinese term has one English name across the archive.',
      ],
    },
    {
      heading: 'Contributing',
      paragraphs: [
        'The archive is a Git repository of Markdown files. To add a text, save the page, run the importer to make a draft, review the draft against the source, add English, run the checker (npm run check) and open a pull request. Every page links to its source file.',
      ],
    },
  ],
  zh: [
    {
      heading: '本库收录什么',
      paragraphs: [
        '国企改革文献库收集有关国有企业和集体企业改革的讲话、工作报告、经验交流发言和会议新闻，内容涉及改制、困难企业帮扶解困、职工安置、剥离企业办社会职能、巡视巡察与整改等。',
        '每篇文献全文收录，保留发布时的字体（简体或繁体），附英文元数据和英文摘要；已有译文的，提供逐段对照的完整英文译文。每篇文献都链接到其涉及的企业和机构、引用的政策文件、活动和提法，以及文中提到的人物。',
      ],
    },
    {
      heading: '来源',
      paragraphs: [
        '文本来自公开网页：企业网站、报纸，以及分享或出售范文的网站。每篇文献注明来源网站；网页给出网址、发布日期和发布者的，一并注明。许多网页隐去人名和日期（“xx”“X月X日”“**年”），本库原样保留并加以说明。',
      ],
    },
    {
      heading: '整理方法',
      paragraphs: [
        '编者只去除网页杂项（导航、广告、页脚、浏览计数等），不作其他改动。来源本身的损坏，例如编码错误造成的乱码，原样保留，并在文献说明中注明，不擅自修补。',
        '日期只写到证据所能确定的程度。文中未写明日期的，依据内容推定年份，标为“约2005年”，并在说明中列出依据。推定的地点和身份同样注明“推定”。',
        '原文旁提供的简体或繁体版本由 OpenCC 自动转换，以原文字体为准。英文译名遵循统一的术语表，同一中文术语在全库只用一个英文译名。',
      ],
    },
    {
      heading: '参与贡献',
      paragraphs: [
        '本库是一个由 Markdown 文件组成的 Git 仓库。添加文本的步骤：保存网页，用导入工具生成草稿，对照来源审校草稿，补充英文，运行检查程序（npm run check），然后提交拉取请求。每个页面都链接到它的源文件。',
      ],
    },
  ],
};
