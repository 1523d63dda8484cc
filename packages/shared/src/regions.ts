/**
 * China's administrative divisions (province, city, district) for shipping addresses: the address picker's columns,
 * the API's check of a submitted region, and matching a platform's address (chooseAddress / my.getAddress) to our
 * names. The data is `@vant/area-data` (MIT, GB/T 2260 codes): a province's code is `PP0000`, its cities `PPCC00`,
 * their districts `PPCCDD`. It is not in the package's index on purpose: only the address pages and the addresses
 * module import `@siyu/shared/regions`, so the mini-program carries the data in the address sub-package only.
 * See docs/decisions/022-addresses-favourites-order-counts.md.
 */
import { areaList } from '@vant/area-data';

export interface Region {
  code: string;
  name: string;
}

interface Index {
  provinces: Region[];
  cities: Map<string, Region[]>;
  districts: Map<string, Region[]>;
}

let index: Index | null = null;

/** Built on first use (a few milliseconds), so importing the module costs nothing. */
function regionIndex(): Index {
  if (index) return index;
  const byCode = (a: Region, b: Region) => (a.code < b.code ? -1 : 1);
  const provinces = Object.entries(areaList.province_list)
    .map(([code, name]) => ({ code, name }))
    .sort(byCode);
  const cities = new Map<string, Region[]>();
  for (const [code, name] of Object.entries(areaList.city_list)) {
    const key = code.slice(0, 2);
    const list = cities.get(key) ?? [];
    list.push({ code, name });
    cities.set(key, list);
  }
  const districts = new Map<string, Region[]>();
  for (const [code, name] of Object.entries(areaList.county_list)) {
    const key = code.slice(0, 4);
    const list = districts.get(key) ?? [];
    list.push({ code, name });
    districts.set(key, list);
  }
  for (const list of cities.values()) list.sort(byCode);
  for (const list of districts.values()) list.sort(byCode);
  index = { provinces, cities, districts };
  return index;
}

export function provinces(): Region[] {
  return regionIndex().provinces;
}

/** The cities of a province, by the province's code. */
export function citiesOf(provinceCode: string): Region[] {
  return regionIndex().cities.get(provinceCode.slice(0, 2)) ?? [];
}

/** The districts of a city, by the city's code. */
export function districtsOf(cityCode: string): Region[] {
  return regionIndex().districts.get(cityCode.slice(0, 4)) ?? [];
}

export interface RegionPath {
  province: Region;
  city: Region;
  district: Region;
}

export type RegionField = 'province' | 'city' | 'district';

/**
 * The region named exactly by the three names, each inside the one before, or the first field that is not: a
 * province we do not know, a city not in that province, a district not in that city.
 */
export function findRegion(province: string, city: string, district: string): { ok: true; region: RegionPath } | { ok: false; field: RegionField } {
  const p = provinces().find((r) => r.name === province);
  if (!p) return { ok: false, field: 'province' };
  const c = citiesOf(p.code).find((r) => r.name === city);
  if (!c) return { ok: false, field: 'city' };
  const d = districtsOf(c.code).find((r) => r.name === district);
  if (!d) return { ok: false, field: 'district' };
  return { ok: true, region: { province: p, city: c, district: d } };
}

/** The picker's column indexes of a region, or of the first province, city and district when it is unknown. */
export function regionIndexes(province: string, city: string, district: string): [number, number, number] {
  const pi = Math.max(
    0,
    provinces().findIndex((r) => r.name === province),
  );
  const cities = citiesOf(provinces()[pi]!.code);
  const ci = Math.max(
    0,
    cities.findIndex((r) => r.name === city),
  );
  const districts = districtsOf(cities[ci]!.code);
  const di = Math.max(
    0,
    districts.findIndex((r) => r.name === district),
  );
  return [pi, ci, di];
}

/** Administrative suffixes a platform's address may leave off or spell out (广西 / 广西壮族自治区, 朝阳 / 朝阳区). */
const SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|新区|林区|特区|省|市|区|县|盟|旗)$/;
const bare = (name: string) => name.trim().replace(SUFFIX, '');

function pick(list: Region[], name: string): Region | undefined {
  const n = name.trim();
  if (!n) return undefined;
  return list.find((r) => r.name === n) ?? list.find((r) => bare(r.name) === bare(n) && bare(n) !== '');
}

/**
 * Matches the names a platform's address book gives to our regions, as far as they go: the exact name first, then the
 * name without its administrative suffix. A municipality's districts (重庆's counties under 县) are found under any
 * city of the province when the platform names the city differently. Whatever cannot be matched is left out, for
 * the shopper to pick.
 */
export function matchRegion(province: string, city: string, district: string): Partial<RegionPath> {
  const p = pick(provinces(), province);
  if (!p) return {};
  const cities = citiesOf(p.code);
  let c = pick(cities, city);
  let d = c ? pick(districtsOf(c.code), district) : undefined;
  if (!d) {
    for (const other of cities) {
      const found = pick(districtsOf(other.code), district);
      if (found) {
        c = other;
        d = found;
        break;
      }
    }
  }
  return { province: p, ...(c ? { city: c } : {}), ...(d ? { district: d } : {}) };
}
