import { describe, expect, it } from 'vitest';
import { readTitlePeriod } from './title-periods.ts';

const documents = [
  { id: 'tj-2023-3', title: '天津市进一步提高产品 工程和服务质量行动实施方案（2023—2025年）' },
  { id: 'cn-2022-95', title: '進一步提高產品、工程和服務質量行動方案(2022—2025年)' },
  { id: 'tj-2014-22', title: '天津市人民政府關於進一步加強質量工作的意見' },
];

describe('the period of a plan’s title, as a question names the plan by it', () => {
  it('finds the documents whose title gives the period, however the question writes it', () => {
    expect(readTitlePeriod('does tianjin have any job in the 2023-2025 plan', documents)).toEqual({ text: '2023-2025', documentIds: ['tj-2023-3'] });
    expect(readTitlePeriod('2022到25年那个行动方案', documents)?.documentIds).toEqual(['cn-2022-95']);
    expect(readTitlePeriod('plan for 2022 to 2025', documents)?.documentIds).toEqual(['cn-2022-95']);
  });

  it('leaves a period no title gives, and a single year', () => {
    expect(readTitlePeriod('2021-2025年期间的目标', documents)).toBeNull();
    expect(readTitlePeriod('到2025年的目标', documents)).toBeNull();
  });
});
