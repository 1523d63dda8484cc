import { describe, expect, it } from 'vitest';
import { citiesOf, districtsOf, findRegion, matchRegion, provinces, regionIndexes } from '../src/regions.js';

describe('regions', () => {
  it('lists provinces, their cities and the cities’ districts', () => {
    expect(provinces()).toHaveLength(34);
    expect(provinces()[0]).toEqual({ code: '110000', name: '北京市' });
    const zj = provinces().find((p) => p.name === '浙江省')!;
    expect(citiesOf(zj.code)[0]).toEqual({ code: '330100', name: '杭州市' });
    expect(districtsOf('330100').map((d) => d.name)).toContain('西湖区');
  });

  it('finds a region named exactly, or names the first field that is not', () => {
    expect(findRegion('浙江省', '杭州市', '西湖区')).toMatchObject({ ok: true, region: { district: { code: '330106' } } });
    expect(findRegion('浙江', '杭州市', '西湖区')).toEqual({ ok: false, field: 'province' });
    expect(findRegion('浙江省', '南京市', '西湖区')).toEqual({ ok: false, field: 'city' });
    expect(findRegion('浙江省', '杭州市', '朝阳区')).toEqual({ ok: false, field: 'district' });
  });

  it('gives the picker’s indexes of a region, the first entries for an unknown one', () => {
    const [p, c, d] = regionIndexes('浙江省', '宁波市', '北仑区');
    expect(provinces()[p]!.name).toBe('浙江省');
    expect(citiesOf(provinces()[p]!.code)[c]!.name).toBe('宁波市');
    expect(districtsOf(citiesOf(provinces()[p]!.code)[c]!.code)[d]!.name).toBe('北仑区');
    expect(regionIndexes('火星', '', '')).toEqual([0, 0, 0]);
  });

  it('matches a platform’s names: exact, without the suffix, districts under any city of the province', () => {
    const names = (r: ReturnType<typeof matchRegion>) => [r.province?.name, r.city?.name, r.district?.name];
    expect(names(matchRegion('广东省', '广州市', '天河区'))).toEqual(['广东省', '广州市', '天河区']);
    expect(names(matchRegion('广西', '南宁', '青秀'))).toEqual(['广西壮族自治区', '南宁市', '青秀区']);
    expect(names(matchRegion('北京市', '北京市', '朝阳区'))).toEqual(['北京市', '北京市', '朝阳区']);
    // 重庆's counties are under the city 县: a platform that names the city 重庆市 still finds them.
    const cq = matchRegion('重庆市', '重庆市', districtsOf('500200')[0]!.name);
    expect(cq.district?.code.startsWith('5002')).toBe(true);
    expect(names(matchRegion('浙江省', '杭州市', '不存在区'))).toEqual(['浙江省', '杭州市', undefined]);
    expect(matchRegion('', '', '')).toEqual({});
  });
});
