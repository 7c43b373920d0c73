import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Seed files for the ingest benchmark: each a copy of one of the real seeds with its own title and
 * 文号 and the text of every long line after its lead phrase replaced by sentences drawn from all the
 * seeds (a fixed seed for the random draws), so that structure, noise and lengths stay realistic
 * while no two files are one document. Every tenth file is a re-published copy of an earlier one
 * (other punctuation, a portal line on top): the duplicate detector must find those and only those.
 */
export function writeSyntheticSeeds(seedsDirectory: string, target: string, count: number): void {
  const seeds = readdirSync(seedsDirectory).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(join(seedsDirectory, name), 'utf8'));
  const sentences = seeds.flatMap((text) => text.split(/[。\n]/u).map((sentence) => sentence.trim()).filter((sentence) => /^\p{Script=Han}/u.test(sentence) && sentence.length > 12 && !/^[一二三四五六七八九十]+、|^[（(]/u.test(sentence)));
  let state = 20261201;
  // 32-bit arithmetic: with doubles the products lose their low bits and the draws start repeating.
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  const written: string[] = [];
  for (let index = 0; index < count; index += 1) {
    if (index % 10 === 9) {
      const original = written[Math.floor(random() * written.length)]!;
      writeFileSync(join(target, `${String(index).padStart(5, '0')}.txt`), `来源：门户网站 发布时间：2023-01-01\n${original.replace(/，/gu, ',').replace(/：/gu, ':')}`);
      written.push(original);
      continue;
    }
    const text = seeds[index % seeds.length]!
      .replace(/〔(\d{4})〕(\d+)([号號])/gu, (_whole, year: string, _serial: string, mark: string) => `〔${year}〕${1000 + index}${mark}`)
      .split('\n')
      .map((line) => {
        // Title lines (in either script, pinyin noise and all) get the file's own number: no two files share a title.
        if (/(方案|意见|意見|通知)/u.test(line) && !/。/u.test(line) && line.length < 120) return `${line.trim()}（样本${index}）`;
        const lead = /^(\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])?[^。]{0,30}。)(.{40,})$/u.exec(line);
        if (!lead) return line;
        const body = Array.from({ length: 2 + Math.floor(random() * 4) }, () => sentences[Math.floor(random() * sentences.length)]).join('。');
        const responsibility = /[（【][^（【]*(负责|落实)[^）】]*[）】]\s*$/u.exec(line)?.[0] ?? '';
        return `${lead[1]}${body}。${responsibility}`;
      })
      .join('\n');
    writeFileSync(join(target, `${String(index).padStart(5, '0')}.txt`), text);
    written.push(text);
  }
}
