import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pickBody, readHtml, sniffHtmlCharset } from './html.js';
import { encodeGbk } from './testing/gbk.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/html/${name}`, import.meta.url), 'utf8');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Lines of the modern page's report, as the reader must give them. */
const MODERN_BODY = [
  '云溪县人民政府关于2023年度法治政府建设情况的报告',
  '2023年，云溪县人民政府坚持以习近平法治思想为指导，全面贯彻党的二十大精神，认真落实中央和省、市关于法治政府建设的决策部署，把法治政府建设作为全局性、基础性工作来抓，依法行政能力和水平持续提升，为全县经济社会高质量发展提供了有力法治保障。现将有关情况报告如下：',
  '一、2023年度推进法治政府建设的主要举措和成效',
  '（一）加强组织领导，压实法治建设责任。县政府常务会议专题研究法治政府建设工作6次，审议通过《云溪县法治政府建设年度工作要点》，将法治建设纳入全县综合考核，考核权重提高到5%。县政府主要负责人认真履行推进法治建设第一责任人职责，带头讲法治课2次，全年组织县政府常务会议会前学法12次，学习法律法规23部。',
  '（二）深化“放管服”改革，优化法治化营商环境。全面推行政务服务事项清单管理，县级政务服务事项网上可办率达到98.6%，“一网通办”办件量较上年增长21.4%。',
  '1.推进“证照分离”改革全覆盖。全年新增市场主体3568户，同比增长12.3%，其中企业921户。',
  '2.规范涉企行政检查。推行“双随机、一公开”联合抽查，开展跨部门联合检查47次，减少入企检查频次30%以上。',
  '（三）严格规范公正文明执法。全县行政执法机关办理行政处罚案件1275件，行政许可案件8431件。组织行政执法案卷评查，抽查案卷180卷，优良率91.7%。',
  '项目\t2022年\t2023年',
  '行政复议案件（件）\t36\t42',
  '行政应诉案件（件）\t58\t51',
  '二、存在的不足和原因',
  '一是部分乡镇法治审核力量薄弱，专职法治审核人员不足；二是行政执法人员专业素质有待提高，基层执法规范化水平与群众期盼仍有差距。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '县委、县政府主要负责人带头尊法学法守法用法，对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办，全年主持研究法治建设议题9次。',
  '四、2024年度推进法治政府建设的主要安排',
  '2024年，我县将持续深化法治政府建设示范创建，健全重大行政决策程序制度，加强行政执法监督，全面提升依法行政水平，为建设富裕美丽幸福云溪提供坚实法治保障。',
  '云溪县人民政府',
  '2024年2月28日',
];

const MODERN_META = [
  '索 引 号:11530000MB0000000X/2024-00123',
  '主题分类:司法',
  '发布机构:云溪县人民政府',
  '成文日期:2024-02-28',
  '发布日期:2024-03-05',
  '有 效 性:有效',
  '发布时间：2024-03-05 10:20',
  '来源：云溪县司法局',
];

const MODERN_HINTS = {
  title: '云溪县人民政府关于2023年度法治政府建设情况的报告',
  published: '2024-03-05',
  signed: '2024-02-28',
  publisher: '云溪县人民政府',
  indexNumber: '11530000MB0000000X/2024-00123',
  site: '云溪县人民政府',
  column: '法治政府建设年度报告',
};

/** Words that only site chrome brings. */
const CHROME =
  /您当前的位置|当前位置|字体|分享到|微信|打印|关闭|扫一扫|版权所有|ICP|公网安备|网站标识码|主办|承办|相关链接|无障碍|长者模式|网站地图|首页|搜索|浏览次数|点击数|统计代码|2022年度法治政府建设情况的报告|行政执法统计年报/u;

describe('readHtml: modern TRS page', () => {
  const html = fixture('modern-trs.html');

  it('gives the metadata lines, the title and the report paragraphs, in order', () => {
    const doc = readHtml(utf8(html));
    expect(doc.text.split('\n')).toEqual([...MODERN_META, ...MODERN_BODY]);
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.warnings).toEqual([]);
  });

  it('takes hints from <meta> and from the 政务公开 table, the visible table winning', () => {
    expect(readHtml(utf8(html)).hints).toEqual(MODERN_HINTS);
  });

  it('drops navigation, breadcrumbs, share and print bars, related links and the footer', () => {
    const lines = readHtml(utf8(html)).text.split('\n');
    expect(lines.filter((l) => CHROME.test(l))).toEqual([]);
  });

  it('reads the same page served as GB2312 bytes', () => {
    const gbk = encodeGbk(html.replace('<meta charset="utf-8">', '<meta charset="gb2312">'));
    const doc = readHtml(gbk);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text.split('\n')).toEqual([...MODERN_META, ...MODERN_BODY]);
    expect(doc.hints).toEqual(MODERN_HINTS);
  });

  it('detects GBK from the bytes when the page declares no charset', () => {
    const gbk = encodeGbk(html.replace('<meta charset="utf-8">', ''));
    const doc = readHtml(gbk);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text.split('\n')).toEqual([...MODERN_META, ...MODERN_BODY]);
  });
});

describe('readHtml: legacy table layout in GBK', () => {
  const gbk = encodeGbk(fixture('legacy-table.html'));

  it('finds the report in the layout table, keeps <br> paragraphs and drops the sidebar', () => {
    const doc = readHtml(gbk);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text.split('\n')).toEqual([
      '来源：石桥镇人民政府',
      '发布时间：2023-02-16',
      '石桥镇2022年度法治政府建设工作报告',
      '2022年，石桥镇在县委、县政府的正确领导下，在县司法局的具体指导下，深入学习贯彻习近平法治思想，紧紧围绕法治政府建设目标任务，扎实推进依法行政，全镇法治政府建设工作取得了明显成效。现将有关工作情况报告如下：',
      '一、主要工作及成效',
      '（一）强化组织保障。镇党委、镇政府将法治政府建设列入重要议事日程，成立了由镇长任组长的法治政府建设工作领导小组，全年召开专题会议4次，研究解决法治建设中的具体问题11个。',
      '（二）规范行政决策。严格落实重大行政决策程序规定，全年作出重大行政决策3项，均经过公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序，合法性审查率达到100%。',
      '（三）化解矛盾纠纷。健全镇、村两级调解组织，全年排查调处各类矛盾纠纷186件，调解成功181件，调解成功率97.3%。',
      '二、存在的问题',
      '一是部分村干部法治意识不强，依法办事能力有待提升；二是法治宣传形式较为单一，针对性和实效性不够。',
      '三、下一步工作打算',
      '2023年，石桥镇将继续加强法治政府建设，深化基层依法治理，不断提高全镇法治化水平。',
      '石桥镇人民政府',
      '2023年1月20日',
    ]);
    expect(doc.hints).toEqual({
      title: '石桥镇2022年度法治政府建设工作报告',
      published: '2023-02-16',
      publisher: '石桥镇人民政府',
    });
    expect(doc.text).not.toMatch(/2021年度|八五|调整行政执法人员|镇长信箱|网站首页|技术支持|打印本页|356/u);
  });
});

/** A page around a report body long enough to be the main content. */
function page(head: string, body: string, inside = ''): Uint8Array {
  const para =
    '<p>2023年，某县坚持以习近平法治思想为指导，扎实推进法治政府建设，全年审查规范性文件31件，办理行政复议案件28件，依法行政水平持续提升。</p>';
  return utf8(
    `<!DOCTYPE html><html><head><meta charset="utf-8">${head}<title>某县报告_某县人民政府</title></head><body>${body}<div class="content">${inside}${para.repeat(4)}</div></body></html>`,
  );
}

describe('readHtml: metadata blocks', () => {
  it('reads label/value pairs from spans, full-width colons and spaced labels', () => {
    const doc = readHtml(
      page(
        '',
        '<ul class="meta"><li><span>索　引　号：</span><span>000014349/2024-00042</span></li><li><span>发文机关：</span><span>某县人民政府办公室</span></li><li><span>发文字号：</span><span>某政办发〔2024〕3号</span></li><li><span>成文日期：</span><span>2024年01月31日</span></li></ul>',
      ),
    );
    expect(doc.text.split('\n').slice(0, 4)).toEqual([
      '索　引　号：000014349/2024-00042',
      '发文机关：某县人民政府办公室',
      '发文字号：某政办发〔2024〕3号',
      '成文日期：2024年01月31日',
    ]);
    expect(doc.hints).toMatchObject({
      indexNumber: '000014349/2024-00042',
      publisher: '某县人民政府办公室',
      documentNumber: '某政办发〔2024〕3号',
      signed: '2024年01月31日',
    });
  });

  it('splits several pairs written on one line', () => {
    const doc = readHtml(
      page('', '<div class="info">发布时间:2023-03-14 12:59来源:某市司法局访问量: 字体:大 中 小</div>'),
    );
    expect(doc.text.split('\n').slice(0, 2)).toEqual(['发布时间:2023-03-14 12:59', '来源:某市司法局']);
    expect(doc.hints).toMatchObject({ published: '2023-03-14 12:59', publisher: '某市司法局' });
    expect(doc.text).not.toMatch(/访问量|字体/u);
  });

  it('reads a metadata line of labels and values separated by spaces only', () => {
    const doc = readHtml(
      page('', '<div>索 引 号 MB1A08302/2023-02723 主题分类 司法 发布机构 某市人民政府 文 号</div>'),
    );
    expect(doc.text.split('\n').slice(0, 3)).toEqual([
      '索 引 号:MB1A08302/2023-02723',
      '主题分类:司法',
      '发布机构:某市人民政府',
    ]);
    expect(doc.hints).toEqual({
      title: '某县报告',
      indexNumber: 'MB1A08302/2023-02723',
      publisher: '某市人民政府',
    });
    expect(doc.text.split('\n')[4]).toMatch(/^2023年，某县坚持/u);
  });

  it('reads pairs from a definition list', () => {
    const doc = readHtml(
      page('', '<dl><dt>信息来源：</dt><dd>某县司法局</dd><dt>有效性：</dt><dd>有效</dd></dl>'),
    );
    expect(doc.text.split('\n').slice(0, 2)).toEqual(['信息来源：某县司法局', '有效性：有效']);
    expect(doc.hints.publisher).toBe('某县司法局');
  });

  it('reads labels without colons when each sits in an element of its own', () => {
    const doc = readHtml(
      page(
        '',
        '<div class="xxgk"><span>发布机构</span><span>某县司法局</span><span>发布日期</span><span>2024-03-05</span></div>',
      ),
    );
    expect(doc.text.split('\n').slice(0, 2)).toEqual(['发布机构:某县司法局', '发布日期:2024-03-05']);
    expect(doc.hints).toMatchObject({ publisher: '某县司法局', published: '2024-03-05' });
  });

  it('does not take 标题 or 来源 inside a sentence for a label', () => {
    const sentences = [
      '来源于群众的意见建议共有12条，均已办结并向社会公开答复。',
      '发布时间为每月最后一个工作日。',
    ];
    const doc = readHtml(page('', '', sentences.map((t) => `<p>${t}</p>`).join('')));
    expect(doc.hints).toEqual({ title: '某县报告' });
    expect(doc.text.split('\n').slice(0, 3)).toEqual(['某县报告', ...sentences]);
  });

  it('prefers ArticleTitle over the <title> with its site suffix', () => {
    const doc = readHtml(page('<meta name="ArticleTitle" content="某县2023年度法治政府建设情况报告">', ''));
    expect(doc.hints.title).toBe('某县2023年度法治政府建设情况报告');
    expect(doc.text.split('\n')[0]).toBe('某县2023年度法治政府建设情况报告');
  });

  it('does not repeat a title that the body already gives over two lines', () => {
    const doc = readHtml(
      page(
        '<meta name="ArticleTitle" content="某县人民政府关于2023年度法治政府建设情况的报告">',
        '',
        '<p style="text-align:center">某县人民政府</p><p style="text-align:center">关于2023年度法治政府建设情况的报告</p>',
      ),
    );
    expect(doc.text.split('\n').slice(0, 3)).toEqual([
      '某县人民政府',
      '关于2023年度法治政府建设情况的报告',
      '2023年，某县坚持以习近平法治思想为指导，扎实推进法治政府建设，全年审查规范性文件31件，办理行政复议案件28件，依法行政水平持续提升。',
    ]);
  });
});

describe('sniffHtmlCharset', () => {
  it('finds <meta charset>, http-equiv and XML declarations', () => {
    expect(sniffHtmlCharset(utf8('<html><head><meta charset="GBK">'))).toBe('GBK');
    expect(
      sniffHtmlCharset(utf8('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />')),
    ).toBe('gb2312');
    expect(sniffHtmlCharset(utf8('<?xml version="1.0" encoding="UTF-8"?><html>'))).toBe('UTF-8');
    expect(sniffHtmlCharset(utf8('<html><head><title>x</title>'))).toBeNull();
  });

  it('only looks at the first 4 KB', () => {
    expect(sniffHtmlCharset(utf8(`<html>${' '.repeat(5000)}<meta charset="gbk">`))).toBeNull();
  });
});

describe('pickBody', () => {
  const fallback = [
    '一、主要工作',
    '全年办理行政复议案件28件，纠错率10.7%，行政机关负责人出庭应诉率100%。',
    '某县人民政府',
    '2024年1月31日',
  ];

  it('keeps Readability when it has the text and the structure', () => {
    const article = [...fallback];
    expect(pickBody(article, fallback)).toBe(article);
  });

  it('falls back when Readability lost text, a heading or the 落款', () => {
    expect(pickBody(null, fallback)).toBe(fallback);
    expect(pickBody(fallback.slice(1, 2), fallback)).toBe(fallback);
    expect(pickBody(fallback.slice(1), fallback)).toBe(fallback);
    expect(pickBody(fallback.slice(0, 2), fallback)).toBe(fallback);
  });
});

describe('readHtml: tables and preformatted text in the report', () => {
  it('keeps a report table whose headings look like metadata labels', () => {
    const doc = readHtml(
      page(
        '<meta name="ArticleTitle" content="某县2023年度法治政府建设情况报告">',
        '',
        '<table><tr><th>序号</th><th>名称</th><th>发布日期</th></tr><tr><td>1</td><td>某县行政规范性文件管理办法</td><td>2023-06-01</td></tr></table>',
      ),
    );
    const lines = doc.text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '某县2023年度法治政府建设情况报告',
      '序号\t名称\t发布日期',
      '1\t某县行政规范性文件管理办法\t2023-06-01',
    ]);
    expect(doc.hints).toEqual({ title: '某县2023年度法治政府建设情况报告' });
  });

  it('keeps the line breaks of <pre> text', () => {
    const doc = readHtml(page('', '', '<pre>一、主要举措\n（一）加强领导\n</pre>'));
    expect(doc.text.split('\n').slice(1, 3)).toEqual(['一、主要举措', '（一）加强领导']);
  });
});
