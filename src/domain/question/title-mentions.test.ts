import { describe, expect, it } from 'vitest';
import { TitleMentions } from './title-mentions.ts';

const titles = new TitleMentions([
  { id: 'tj-2023-3', title: '天津市进一步提高产品 工程和服务质量行动实施方案（2023—2025年）' },
  { id: 'tj-2014-22', title: '天津市人民政府關於進一步加強質量工作的意見' },
  { id: 'cn-2022-95', title: '進一步提高產品、工程和服務質量行動方案(2022—2025年)' },
  { id: 'sw-2023-0926', title: '关于深入贯彻落实《广东省质量强省建设纲要》的实施意见' },
]);

describe('documents named by their title, unquoted', () => {
  it('finds the documents whose title a stretch of the question names, and takes the stretch out', () => {
    const opinions = titles.find('天津那份加强质量工作的意见说每年监督抽查不少于多少批次');
    expect(opinions.documentIds).toEqual(['tj-2014-22']);
    expect(opinions.rest).toBe('天津那份 说每年监督抽查不少于多少批次');
    // Both plans share this stretch of title: both are named, and 国家 tells them apart elsewhere.
    const plan = titles.find('国家那份进一步提高产品、工程和服务质量的行动方案是哪一天印发的');
    expect(plan.documentIds).toEqual(['tj-2023-3', 'cn-2022-95']);
    expect(plan.rest).toBe('国家那份 是哪一天印发的');
  });

  it('leaves a topic that happens to share words with a title, and the document a title names', () => {
    expect(titles.find('提高产品工程和服务质量由哪个部门牵头').documentIds).toEqual([]);
    expect(titles.find('广东省质量强省建设纲要是什么时候发布的').documentIds).toEqual([]);
  });
});
