import { DemoRegionKey } from './demo-places';

/** Partner organisations of the demo regions: the WSP itself, SW-bedrijven, an MBO school, gemeente and UWV. */
export interface DemoPartner {
  region: DemoRegionKey;
  kind: 'sw_company' | 'wsp' | 'municipality' | 'uwv' | 'mbo' | 'employer_association';
  name: string;
  city: string;
  postalAddress?: string;
  domain: string;
  recognitions?: object[];
  contact: { firstName: string; lastName: string; role: string };
}

export const DEMO_PARTNERS: DemoPartner[] = [
  {
    region: 'main',
    kind: 'wsp',
    name: 'Werkgeversservicepunt Groot Amsterdam',
    city: 'Amsterdam',
    postalAddress: 'Postbus 2027\n1000 CA Amsterdam',
    domain: 'wsp-grootamsterdam.example',
    contact: { firstName: 'Anouk', lastName: 'de Vries', role: 'Coördinator werkgeversdienstverlening' },
  },
  {
    region: 'main',
    kind: 'sw_company',
    name: 'Amstel Werkbedrijf',
    city: 'Amsterdam',
    domain: 'amstelwerkbedrijf.example',
    contact: { firstName: 'Ricardo', lastName: 'Sedney', role: 'Accountmanager detachering' },
  },
  {
    region: 'main',
    kind: 'sw_company',
    name: 'Meerwerk Haarlemmermeer',
    city: 'Hoofddorp',
    domain: 'meerwerk.example',
    contact: { firstName: 'Ingrid', lastName: 'Dekker', role: 'Teamleider leerwerkbedrijf' },
  },
  {
    region: 'main',
    kind: 'sw_company',
    name: 'Ontwikkelbedrijf Amstelland',
    city: 'Amstelveen',
    domain: 'ontwikkelbedrijf-amstelland.example',
    contact: { firstName: 'Hamza', lastName: 'El Amrani', role: 'Jobcoach' },
  },
  {
    region: 'main',
    kind: 'mbo',
    name: 'ROC Amstelland Vakcollege',
    city: 'Amsterdam',
    domain: 'rocamstelland.example',
    recognitions: [
      { kind: 'diploma_erkenning_derde_leerweg', sector: 'Logistiek', crebo: '25445', since: '2021-08-01' },
      { kind: 'diploma_erkenning_derde_leerweg', sector: 'Zorg en welzijn', crebo: '25491', since: '2022-01-01' },
      { kind: 'diploma_erkenning_derde_leerweg', sector: 'Horeca', crebo: '25180', since: '2022-08-01' },
    ],
    contact: { firstName: 'Marieke', lastName: 'Smit', role: 'Coördinator praktijkverklaring' },
  },
  {
    region: 'main',
    kind: 'municipality',
    name: 'Gemeente Amsterdam, Werk, Participatie en Inkomen',
    city: 'Amsterdam',
    domain: 'gemeente-amsterdam.example',
    contact: { firstName: 'Youssef', lastName: 'Bakkali', role: 'Beleidsadviseur participatie' },
  },
  {
    region: 'main',
    kind: 'uwv',
    name: 'UWV Werkgeversdienstverlening Groot Amsterdam',
    city: 'Amsterdam',
    domain: 'uwv-grootamsterdam.example',
    contact: { firstName: 'Esther', lastName: 'Brouwer', role: 'Adviseur werkgeversdienstverlening' },
  },
  {
    region: 'second',
    kind: 'wsp',
    name: 'Werkgeversservicepunt Zaanstreek/Waterland',
    city: 'Zaandam',
    postalAddress: 'Postbus 2000\n1500 GA Zaandam',
    domain: 'wsp-zaanstreekwaterland.example',
    contact: { firstName: 'Pieter', lastName: 'Kok', role: 'Coördinator' },
  },
  {
    region: 'second',
    kind: 'sw_company',
    name: 'Zaans Werkbedrijf',
    city: 'Zaandam',
    domain: 'zaanswerkbedrijf.example',
    contact: { firstName: 'Femke', lastName: 'Visser', role: 'Accountmanager' },
  },
];

/** [SW-bedrijf, employer, relation, since, until?]: secondments and pilots, one of them ended. */
export type DemoLink = [string, string, 'detachering' | 'pilot_host' | 'partner', string, string?];

export const DEMO_NETWORK_LINKS: DemoLink[] = [
  ['Amstel Werkbedrijf', 'Schoonmaakbedrijf Glans B.V.', 'detachering', '2021-03-01'],
  ['Amstel Werkbedrijf', 'Groothandel Versland B.V.', 'detachering', '2022-09-01'],
  ['Amstel Werkbedrijf', 'Cateringbedrijf Smakelijk Amsterdam B.V.', 'detachering', '2023-01-15'],
  ['Amstel Werkbedrijf', 'Hotel Amstelzicht', 'pilot_host', '2024-02-01'],
  ['Amstel Werkbedrijf', 'Metaalbewerking Westpoort B.V.', 'pilot_host', '2024-09-01'],
  ['Amstel Werkbedrijf', 'Wasserij Amstel Textielservice B.V.', 'detachering', '2020-05-01', '2024-06-30'],
  ['Amstel Werkbedrijf', 'Verpleeghuis De Lindenhof', 'pilot_host', '2022-03-01'],
  ['Meerwerk Haarlemmermeer', 'Distributiecentrum Haarlemmermeer B.V.', 'pilot_host', '2023-10-01'],
  ['Meerwerk Haarlemmermeer', 'Bouwmarkt Klusplein Hoofddorp', 'detachering', '2022-04-01'],
  ['Meerwerk Haarlemmermeer', 'Kwekerij Plantenweelde', 'pilot_host', '2024-03-01'],
  ['Meerwerk Haarlemmermeer', 'Sportschool Vitaal Hoofddorp', 'partner', '2025-01-10'],
  ['Ontwikkelbedrijf Amstelland', 'Zorggroep Amstelland', 'detachering', '2021-11-01'],
  ['Ontwikkelbedrijf Amstelland', 'Hoveniersbedrijf Groene Vingers', 'pilot_host', '2025-02-01'],
  ['Ontwikkelbedrijf Amstelland', 'Machinefabriek Amstel B.V.', 'pilot_host', '2023-05-01', '2024-12-31'],
  ['Zaans Werkbedrijf', 'Chocoladefabriek Zaanse Cacao B.V.', 'pilot_host', '2024-05-01'],
  ['Zaans Werkbedrijf', 'Transport Waterland B.V.', 'detachering', '2023-03-01'],
];
