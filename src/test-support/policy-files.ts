import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';

/**
 * Real files of a policy text, made the way bureaus receive them: a PDF printed by Debian's
 * Chromium (with a text layer, several pages, running header and page numbers), a DOCX written by
 * the docx library, a portal HTML page with navigation, share buttons and a footer.
 */
export interface PolicyText {
  /** Lines as the document has them: title, 文号, headings, numbered clauses. */
  lines: string[];
}

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

let browser: Browser | undefined;

export async function closePolicyFileBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/** A PDF printed from the text, with a running header and a page number in the footer; `pages` repeats the body to make it longer. */
export async function policyPdf(text: PolicyText, options: { header?: string; repeat?: number; imageOnly?: boolean } = {}): Promise<Uint8Array> {
  browser ??= await launchChromium();
  const page = await browser.newPage();
  try {
    const body = Array.from({ length: options.repeat ?? 1 }, () => text.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')).join('\n');
    // A scan: the text drawn as pixels on a canvas, no text layer.
    const content = options.imageOnly
      ? `<canvas id="scan" width="800" height="1000"></canvas><script>const c=document.getElementById('scan').getContext('2d');c.font='24px WenQuanYi Micro Hei';${text.lines.slice(0, 30).map((line, index) => `c.fillText(${JSON.stringify(line.slice(0, 30))},20,${40 + index * 30});`).join('')}</script>`
      : body;
    await page.setContent(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{font-family:"WenQuanYi Micro Hei",sans-serif;font-size:14px;line-height:1.6}p{margin:0 0 6px}</style></head><body>${content}</body></html>`);
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: false,
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:9px;width:100%;text-align:center;font-family:'WenQuanYi Micro Hei'">${escapeHtml(options.header ?? '')}</div>`,
      footerTemplate: `<div style="font-size:9px;width:100%;text-align:center;font-family:'WenQuanYi Micro Hei'">— <span class="pageNumber"></span> —</div>`,
      margin: { top: '60px', bottom: '60px', left: '50px', right: '50px' },
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/**
 * A DOCX with the title as a heading and each line as a paragraph, as Word or WPS writes one.
 * autoNumbered: section and clause numerals made by a Word list style (一、 and （一）, Chinese
 * counting) instead of typed, as a WPS template does; the numerals are then not in the text.
 */
export async function policyDocx(text: PolicyText, options: { autoNumbered?: boolean } = {}): Promise<Uint8Array> {
  const [title, ...rest] = text.lines;
  const section = /^[一二三四五六七八九十]+、/u;
  const clause = /^[（(][一二三四五六七八九十]+[）)]/u;
  const paragraph = (line: string) => {
    if (options.autoNumbered && section.test(line)) return new Paragraph({ text: line.replace(section, ''), heading: HeadingLevel.HEADING_1, numbering: { reference: 'gongwen', level: 0 } });
    if (options.autoNumbered && clause.test(line)) return new Paragraph({ text: line.replace(clause, ''), numbering: { reference: 'gongwen', level: 1 } });
    return section.test(line) ? new Paragraph({ text: line, heading: HeadingLevel.HEADING_1 }) : new Paragraph({ text: line });
  };
  const document = new Document({
    numbering: {
      config: [{
        reference: 'gongwen',
        levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
          { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
        ],
      }],
    },
    sections: [{ children: [new Paragraph({ text: title!, heading: HeadingLevel.TITLE }), ...rest.map(paragraph)] }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A government-portal page: navigation, breadcrumbs, share buttons and a footer around the article. */
export function policyHtml(text: PolicyText): Uint8Array {
  const [title, ...rest] = text.lines;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title!)} - 某市人民政府门户网站</title></head><body>
<header><nav><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hdjl">互动交流</a> <a href="/bsfw">办事服务</a></nav><div class="search"><input placeholder="请输入关键字"><button>搜索</button></div></header>
<div class="crumbs">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<main><article><h1>${escapeHtml(title!)}</h1><div class="info">发布时间：2024-03-01 来源：市市场监督管理局 浏览次数：1024</div>
${rest.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
</article>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a> 【打印本页】【关闭窗口】</div></main>
<footer><p>主办单位：某市人民政府办公室 网站标识码：1234567890 备案号：京ICP备12345678号</p><p>联系电话：010-12345678 电子邮箱：web@example.gov.cn</p></footer>
</body></html>`;
  return new TextEncoder().encode(html);
}
