import type { Region } from '../schema/index.ts';
import { PROVINCES, type ProvinceEntry } from './vocabulary.ts';

/** A place entities belong to: a prefecture-level city, or a whole province-level division. */
export interface Place {
  /** Full Chinese name: 渭南市, 陕西省, 北京市. */
  zh: string;
  /** Short form inside names: 渭南, 陕西. */
  short: string;
  en: string;
  /** English adjective phrase for agencies: "Weinan Municipal", "Shaanxi Provincial". */
  adjective: string;
  /** Whether it is a city (incl. the four municipalities) or a province or autonomous region. */
  level: 'city' | 'province';
  province: ProvinceEntry;
  /** The place as a document or entity region. */
  region: Region;
}

/** Every place of the vocabulary: each city, then each province-level division. */
export function listPlaces(): Place[] {
  const cities: Place[] = [];
  const provinces: Place[] = [];
  for (const province of PROVINCES) {
    const provinceName = { zh: province.zh, en: province.en };
    if (province.level === 'municipality') {
      cities.push({
        zh: province.zh,
        short: province.short,
        en: province.en,
        adjective: `${province.en} Municipal`,
        level: 'city',
        province,
        region: { province: provinceName, basis: 'stated' },
      });
      continue;
    }
    provinces.push({
      zh: province.zh,
      short: province.short,
      en: province.en,
      adjective: `${province.en} ${province.level === 'region' ? 'Autonomous Region' : 'Provincial'}`,
      level: 'province',
      province,
      region: { province: provinceName, basis: 'stated' },
    });
    for (const [short, en] of province.cities) {
      cities.push({
        zh: `${short}市`,
        short,
        en,
        adjective: `${en} Municipal`,
        level: 'city',
        province,
        region: { province: provinceName, city: { zh: `${short}市`, en }, basis: 'stated' },
      });
    }
  }
  return [...cities, ...provinces];
}
