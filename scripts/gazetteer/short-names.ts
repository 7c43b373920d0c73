/**
 * The short name people use for a division: 河北省 → 河北, 唐山市 → 唐山, 延边朝鲜族自治州 → 延边,
 * 迁安市 → 迁安. Suffixes go, and before 自治… the names of the ethnic groups it is named for. A
 * short name of one character says too little (城区 → 城), so there is none.
 */
const ETHNIC_GROUPS = [
  '壮', '回', '维吾尔', '朝鲜', '藏', '彝', '土家', '苗', '蒙古', '哈萨克', '柯尔克孜', '傣', '白', '哈尼', '景颇', '傈僳', '布依', '侗',
  '瑶', '黎', '羌', '仡佬', '水', '畲', '满', '锡伯', '达斡尔', '鄂温克', '鄂伦春', '土', '撒拉', '东乡', '保安', '裕固', '纳西', '拉祜',
  '佤', '独龙', '怒', '普米', '阿昌', '德昂', '布朗', '基诺', '毛南', '仫佬', '京', '塔吉克', '乌孜别克', '俄罗斯', '塔塔尔', '门巴', '珞巴', '高山',
].sort((left, right) => right.length - left.length);
const SUFFIXES: Record<string, string[]> = {
  province: ['特别行政区', '自治区', '省', '市'],
  prefecture: ['自治州', '地区', '盟', '市'],
  county: ['自治县', '自治旗', '林区', '特区', '新区', '县', '区', '市', '旗'],
};

export function shortPlaceName(name: string, level: 'province' | 'prefecture' | 'county'): string | undefined {
  const suffix = SUFFIXES[level]!.find((each) => name.endsWith(each) && name.length > each.length);
  let stem = suffix ? name.slice(0, -suffix.length) : name;
  if (suffix?.startsWith('自治')) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const group of ETHNIC_GROUPS) {
        for (const form of [`${group}族`, group]) {
          if (stem.endsWith(form) && stem.length > form.length + 1) {
            stem = stem.slice(0, -form.length);
            changed = true;
          }
        }
      }
    }
  }
  return stem.length >= 2 && stem !== name ? stem : undefined;
}
