/** The two demo regions (codes from the regions reference data) and the places the demo uses in them. */
export const DEMO_REGIONS = {
  main: { code: 'AM18', name: 'Groot Amsterdam' },
  second: { code: 'AM17', name: 'Zaanstreek/Waterland' },
} as const;
export type DemoRegionKey = keyof typeof DEMO_REGIONS;

export interface DemoPlace {
  region: DemoRegionKey;
  /** Postcode digits in use in the place (inclusive range). */
  postcodes: [number, number];
  /** Dialling code without the leading 0, and the first digit of local numbers there. */
  areaCode: string;
  localStart: string;
}

export const DEMO_PLACES: Record<string, DemoPlace> = {
  Amsterdam: { region: 'main', postcodes: [1011, 1109], areaCode: '20', localStart: '5' },
  Amstelveen: { region: 'main', postcodes: [1181, 1187], areaCode: '20', localStart: '6' },
  Diemen: { region: 'main', postcodes: [1111, 1113], areaCode: '20', localStart: '6' },
  'Ouderkerk aan de Amstel': { region: 'main', postcodes: [1191, 1191], areaCode: '20', localStart: '4' },
  Uithoorn: { region: 'main', postcodes: [1421, 1422], areaCode: '297', localStart: '5' },
  Aalsmeer: { region: 'main', postcodes: [1431, 1432], areaCode: '297', localStart: '3' },
  Hoofddorp: { region: 'main', postcodes: [2131, 2136], areaCode: '23', localStart: '5' },
  'Nieuw-Vennep': { region: 'main', postcodes: [2151, 2153], areaCode: '252', localStart: '6' },
  Badhoevedorp: { region: 'main', postcodes: [1171, 1171], areaCode: '20', localStart: '6' },
  Schiphol: { region: 'main', postcodes: [1118, 1119], areaCode: '20', localStart: '4' },
  Zaandam: { region: 'second', postcodes: [1501, 1509], areaCode: '75', localStart: '6' },
  Wormerveer: { region: 'second', postcodes: [1521, 1521], areaCode: '75', localStart: '6' },
  Purmerend: { region: 'second', postcodes: [1441, 1448], areaCode: '299', localStart: '4' },
  Volendam: { region: 'second', postcodes: [1131, 1132], areaCode: '299', localStart: '3' },
};

// Letters used in postcodes; SA, SD and SS never occur (domain.md "Identifiers").
const LETTERS = 'ABCEGHJKLMNPRTVWXZ';

/** A deterministic, well-formed postcode in the place, varied by `seed`. */
export function postcodeIn(city: string, seed: number): string {
  const place = placeOf(city);
  const [from, to] = place.postcodes;
  const digits = from + ((seed * 7) % (to - from + 1));
  const letters = LETTERS[(seed * 5) % LETTERS.length] + LETTERS[(seed * 11 + 3) % LETTERS.length];
  return `${digits} ${letters}`;
}

/** A deterministic landline number in E.164 for the place. */
export function phoneIn(city: string, seed: number): string {
  const place = placeOf(city);
  const localLength = 9 - place.areaCode.length;
  const rest = String(100000 + ((seed * 7919) % 899999)).slice(0, localLength - 1);
  return `+31${place.areaCode}${place.localStart}${rest}`;
}

export function placeOf(city: string): DemoPlace {
  const place = DEMO_PLACES[city];
  if (!place) throw new Error(`demo data: unknown place ${city}`);
  return place;
}
