import { describe, expect, it } from 'vitest';
import { createChineseSegmenter } from '../text/chinese-segmenter.ts';
import { chineseForms, englishForms, UnitDirectory } from './unit-directory.ts';

const names = ['市工业和信息化局', '市市场监管委', '市市场监管局', '市发展改革委', '市住房城乡建设委', '市人力资源社会保障局', '市委网信办', '天津海关', '团市委'];
const segmenter = createChineseSegmenter(names);

describe('unit names as staff write them', () => {
  it('contracts a name by the usual rules: first characters of its words, first and last for three', () => {
    expect(chineseForms('市工业和信息化局', segmenter, '天津')).toEqual(expect.arrayContaining(['工信局', '市工信局', '天津市工业和信息化局']));
    expect(chineseForms('市发展改革委', segmenter)).toEqual(expect.arrayContaining(['发改委', '发展和改革委员会']));
    expect(chineseForms('市住房城乡建设委', segmenter)).toEqual(expect.arrayContaining(['住建委']));
    expect(chineseForms('市人力资源社会保障局', segmenter)).toEqual(expect.arrayContaining(['人社局']));
    expect(chineseForms('市市场监管委', segmenter)).toEqual(expect.arrayContaining(['市监委', '市场监督管理委员会']));
    expect(chineseForms('市委网信办', segmenter)).toEqual(expect.arrayContaining(['网信办']));
    expect(chineseForms('天津海关', segmenter, '天津')).toContain('海关');
  });

  it('spells initials with "of" as well, and of a branch\'s parent (PBOC)', () => {
    expect(englishForms("People's Bank of China Tianjin Branch", ['tianjin'])).toContain('pboc');
    expect(englishForms('Ministry of Industry and Information Technology', [])).toContain('miit');
    // The organ type that heads the name is the last before "of", else the last: an office, not a service.
    const office = englishForms('Tianjin Municipal Government Service Office', ['tianjin']);
    expect(office).toContain('government service bureau');
    expect(office).not.toContain('government service');
    // A branch is called what its parent is called.
    expect(englishForms("People's Bank of China Tianjin Branch", ['tianjin'])).toContain('central bank');
  });

  it('writes a national organ without "National", as staff write it', () => {
    expect(englishForms('National Forestry and Grassland Administration', [])).toContain('forestry and grassland administration');
  });

  it('calls a head organ (总局, 总署) by its organ type alone where the document has only one, and keeps listed short aliases', () => {
    const directory = new UnitDirectory([
      { name: '海关总署', nameEn: null, documentId: 'cn', city: null },
      { name: '广电总局', nameEn: null, documentId: 'cn', city: null },
      { name: '体育总局', nameEn: null, documentId: 'cn', city: null },
    ], segmenter);
    expect(directory.find('总署有没有参与').map((each) => each.unit.byDocument)).toEqual([{ cn: ['海关总署'] }]);
    expect(directory.find('是不是总局牵头').map((each) => each.unit.byDocument)).toEqual([]);
    expect(chineseForms('市场监管总局', segmenter)).toContain('总局');
  });

  it('reads a unit\'s field alone as the unit only before a verb of taking part (公安也参与吗, not 财政金融政策)', () => {
    const directory = new UnitDirectory([{ name: '市公安局', nameEn: null, documentId: 'sw', city: '汕尾' }, { name: '市财政局', nameEn: null, documentId: 'sw', city: '汕尾' }], segmenter);
    expect(directory.find('牵头的是哪个局公安也参与吗').map((each) => each.unit.mention)).toEqual(['公安']);
    expect(directory.find('财政金融政策谁牵头')).toEqual([]);
  });

  it('makes no form of one character and a suffix, nor a bare organ', () => {
    expect(chineseForms('团市委', segmenter)).not.toContain('市委');
    expect(englishForms('Tianjin Municipal People\'s Government Office', ['tianjin'])).not.toContain('office');
  });

  it('calls a ministry by its first field, and the one customs service just customs', () => {
    expect(chineseForms('交通运输部', segmenter)).toContain('交通部');
    expect(chineseForms('市农业农村委', segmenter)).toContain('市农业委');
    expect(englishForms('Tianjin Customs', ['tianjin'])).toContain('customs');
  });

  it('writes English names without their city, with the organ before or after the field', () => {
    expect(englishForms('Tianjin Municipal Commerce Bureau', ['tianjin'])).toEqual(expect.arrayContaining(['commerce bureau', 'bureau of commerce', 'commerce department']));
    expect(englishForms('Ministry of Commerce', [])).toEqual(expect.arrayContaining(['ministry of commerce', 'commerce ministry', 'mofcom']));
    // Any local organ called a bureau or an office, and by its first field as in Chinese.
    expect(englishForms('Tianjin Municipal Tax Service', ['tianjin'])).toEqual(expect.arrayContaining(['tax bureau', 'tax office']));
    expect(englishForms('Shanwei Municipal Housing and Urban-Rural Development Bureau', ['shanwei'])).toContain('housing bureau');
  });

  it('writes a long name with inner words left out', () => {
    const long = createChineseSegmenter(['市公平竞争审查工作部门间联席会议成员单位']);
    expect(chineseForms('市公平竞争审查工作部门间联席会议成员单位', long)).toContain('公平竞争审查联席会议成员单位');
    expect(chineseForms('市工业和信息化局', segmenter).some((form) => form.length >= 6 && form !== '市工业和信息化局' && !form.includes('工业和信息化'))).toBe(false);
  });

  it('keeps the name without its level, however short (消协 for 市消协)', () => {
    expect(chineseForms('市消协', segmenter)).toContain('消协');
    expect(chineseForms('市商务局', segmenter)).not.toContain('商局');
  });

  it('prefers a document where the mention is exact, keeping near matches for the others', () => {
    const directory = new UnitDirectory(
      [
        { name: '市市场监管委', nameEn: null, documentId: 'tj', city: '天津' },
        { name: '市市场监管局', nameEn: null, documentId: 'sw', city: '汕尾' },
      ],
      segmenter,
    );
    const [found] = directory.find('市监局牵头吗');
    expect(found!.unit).toMatchObject({ mention: '市监局', byDocument: { sw: ['市市场监管局'], tj: ['市市场监管委'] }, exactIn: ['sw'] });
  });
});
