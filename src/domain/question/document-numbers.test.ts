import { describe, expect, it } from 'vitest';
import { DocumentNumbers } from './document-numbers.ts';

const documents = [{ id: 'tj-2014-22', docNumber: '津政发〔2014〕22号' }, { id: 'cn-2022-95', docNumber: '国市监质发〔2022〕95号' }, { id: 'draft', docNumber: null }];
const numbers = new DocumentNumbers(documents);

describe('DocumentNumbers', () => {
  it('finds a 文号 written whole with any brackets or spaces, and takes it out of the text', () => {
    const read = numbers.read(' 津政发 2014 22号 是谁发的 ');
    expect(read.whole.map((document) => document.id)).toEqual(['tj-2014-22']);
    expect(read.rest).not.toContain('22号');
  });

  it('finds a short number with its issuer code before it, when one document has it', () => {
    const read = numbers.read(' 津政发22号里 天津品牌要打造多少个 ');
    expect(read.short.map((document) => document.id)).toEqual(['tj-2014-22']);
    expect(read.rest).not.toContain('政发');
    expect(numbers.read(' 95号文 谁牵头 ').short.map((document) => document.id)).toEqual(['cn-2022-95']);
    // A number no document has, or with a year another document has, names none.
    expect(numbers.read(' 2023 22号 ').short).toEqual([]);
    expect(numbers.read(' 7号 ').rest).toBe(' 7号 ');
  });
});
