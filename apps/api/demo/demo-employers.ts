/**
 * The demo's employers: invented names that look like the region's businesses, real places, SBI 2025
 * codes of several sections, every size class, and a spread over the funnel stages.
 */
export type SizeClass = 'micro' | 'small' | 'medium' | 'large';
export type Stage =
  | 'prospect'
  | 'contacted'
  | 'interested'
  | 'sw_pilot'
  | 'own_trajectory'
  | 'structural'
  | 'ambassador'
  | 'not_interested'
  | 'paused';

/** name, SBI 2025 code, size class, place, tags (space separated), stage. */
export type EmployerRow = [string, string, SizeClass, string, string, Stage];

export const DEMO_EMPLOYERS: EmployerRow[] = [
  ['Bakkerij Van der Meulen', '10711', 'small', 'Amsterdam', 'voeding ambacht', 'contacted'],
  ['Kwekerij De Bloemenhoek', '01192', 'small', 'Aalsmeer', 'tuinbouw groen', 'prospect'],
  ['Aalsmeer Flower Logistics B.V.', '52100', 'medium', 'Aalsmeer', 'logistiek tuinbouw', 'interested'],
  ['Schiphol Ground Handling Partners B.V.', '52231', 'large', 'Schiphol', 'logistiek luchtvaart', 'contacted'],
  ['Hotel Amstelzicht', '55101', 'medium', 'Amsterdam', 'horeca', 'sw_pilot'],
  ['Restaurant De Gouden Lepel', '56101', 'micro', 'Amsterdam', 'horeca', 'prospect'],
  ['Grand Café Het Plein', '56300', 'small', 'Amstelveen', 'horeca', 'not_interested'],
  ['Cateringbedrijf Smakelijk Amsterdam B.V.', '56210', 'medium', 'Amsterdam', 'horeca voeding', 'ambassador'],
  ['Bouwbedrijf Gebroeders Jansen B.V.', '41200', 'medium', 'Hoofddorp', 'bouw techniek', 'interested'],
  ['Installatiebedrijf Koster & Zn.', '43221', 'small', 'Diemen', 'techniek installatie', 'contacted'],
  ['Elektrotechniek Noord-Holland B.V.', '43210', 'medium', 'Amsterdam', 'techniek', 'prospect'],
  ['Schildersbedrijf De Kwast', '43341', 'micro', 'Uithoorn', 'bouw ambacht', 'prospect'],
  ['Metaalbewerking Westpoort B.V.', '25110', 'medium', 'Amsterdam', 'techniek metaal', 'sw_pilot'],
  ['Machinefabriek Amstel B.V.', '28290', 'large', 'Amsterdam', 'techniek metaal', 'own_trajectory'],
  ['Drukkerij Het Grachtenhuis', '18129', 'small', 'Amsterdam', 'grafisch', 'prospect'],
  ['Brouwerij De IJ-Kade', '11050', 'small', 'Amsterdam', 'voeding horeca', 'contacted'],
  ['Meubelmakerij Houtwerk Zuid', '31010', 'micro', 'Amsterdam', 'ambacht hout', 'prospect'],
  ['Groothandel Versland B.V.', '46310', 'large', 'Amsterdam', 'logistiek voeding', 'own_trajectory'],
  ['Bloemengroothandel Aalsmeer Export B.V.', '46220', 'medium', 'Aalsmeer', 'tuinbouw logistiek', 'prospect'],
  ['Supermarkt Buurtwinkel Oost', '47110', 'small', 'Amsterdam', 'retail', 'contacted'],
  ['Bouwmarkt Klusplein Hoofddorp', '47521', 'medium', 'Hoofddorp', 'retail', 'sw_pilot'],
  ['Transportbedrijf Van Dijk & Co B.V.', '49410', 'medium', 'Nieuw-Vennep', 'logistiek chauffeurs', 'interested'],
  ['Koeriersdienst Fietsvracht Amsterdam', '53200', 'small', 'Amsterdam', 'logistiek duurzaam', 'prospect'],
  ['Distributiecentrum Haarlemmermeer B.V.', '52100', 'large', 'Hoofddorp', 'logistiek', 'sw_pilot'],
  ['Softwarebureau Grachtcode B.V.', '62100', 'small', 'Amsterdam', 'ict', 'prospect'],
  ['IT-Beheer Amstelland', '62200', 'small', 'Amstelveen', 'ict', 'not_interested'],
  ['Ingenieursbureau Delta Advies B.V.', '71121', 'medium', 'Amsterdam', 'techniek advies', 'prospect'],
  ['Reclamebureau Nieuwe Stem', '73110', 'micro', 'Amsterdam', 'creatief', 'prospect'],
  ['Schoonmaakbedrijf Glans B.V.', '81210', 'large', 'Amsterdam', 'schoonmaak facilitair', 'structural'],
  ['Uitzendbureau Werkplaats Amsterdam B.V.', '78201', 'medium', 'Amsterdam', 'uitzend', 'contacted'],
  ['Hoveniersbedrijf Groene Vingers', '81300', 'small', 'Amstelveen', 'groen', 'sw_pilot'],
  ['Zorggroep Amstelland', '87101', 'large', 'Amstelveen', 'zorg', 'own_trajectory'],
  ['Thuiszorg Samen Thuis', '88101', 'medium', 'Amsterdam', 'zorg', 'interested'],
  ['Kinderopvang De Vrolijke Vlinder', '88911', 'medium', 'Diemen', 'zorg kinderopvang', 'contacted'],
  ['Huisartsenpraktijk Oud-Zuid', '86210', 'micro', 'Amsterdam', 'zorg', 'prospect'],
  ['Fitnesscentrum Sportief Noord', '93130', 'small', 'Amsterdam', 'sport', 'prospect'],
  ['Museumwerkplaats Het Depot', '91020', 'small', 'Amsterdam', 'cultuur', 'paused'],
  ['Kapsalon Knipkunst', '96021', 'micro', 'Amsterdam', 'ambacht verzorging', 'prospect'],
  ['Wasserij Amstel Textielservice B.V.', '96011', 'medium', 'Amsterdam', 'facilitair', 'interested'],
  ['Afvalinzameling Metropool B.V.', '38110', 'large', 'Amsterdam', 'milieu logistiek', 'contacted'],
  ['Woningstichting Ons Dak', '68204', 'large', 'Amsterdam', 'vastgoed', 'prospect'],
  ['Vakwerk Academie Bedrijfsopleidingen', '85592', 'small', 'Hoofddorp', 'onderwijs', 'interested'],
  ['Autoverhuur Schiphol Rent B.V.', '77110', 'medium', 'Badhoevedorp', 'mobiliteit', 'prospect'],
  ['Noorderlicht Filmproducties', '59110', 'micro', 'Amsterdam', 'creatief', 'prospect'],
  ['Bakkerij De Zoete Inval', '10711', 'micro', 'Ouderkerk aan de Amstel', 'voeding ambacht', 'contacted'],
  ['Hollandse Maaltijden B.V.', '10890', 'large', 'Amsterdam', 'voeding', 'interested'],
  ['Kwekerij Plantenweelde', '01302', 'medium', 'Aalsmeer', 'tuinbouw groen', 'sw_pilot'],
  ['Loodgietersbedrijf Droog & Co', '43221', 'micro', 'Amstelveen', 'techniek installatie', 'prospect'],
  ['Dakdekkersbedrijf Bovenop', '43910', 'small', 'Hoofddorp', 'bouw', 'prospect'],
  ['Hotel Schiphol Airport Inn B.V.', '55101', 'large', 'Badhoevedorp', 'horeca luchtvaart', 'contacted'],
  ['Lunchroom De Boterham', '56101', 'micro', 'Diemen', 'horeca', 'prospect'],
  ['Fietsenmakerij De Spaak', '95290', 'micro', 'Amsterdam', 'ambacht mobiliteit', 'prospect'],
  ['Rijschool Veilig Verder', '85530', 'micro', 'Uithoorn', 'onderwijs mobiliteit', 'prospect'],
  ['Beveiligingsbedrijf Wachtpost B.V.', '80100', 'medium', 'Amsterdam', 'beveiliging', 'contacted'],
  ['Klantcontactcentrum Amstel B.V.', '82200', 'medium', 'Amsterdam', 'klantcontact', 'interested'],
  ['Administratiekantoor Cijferwerk', '69201', 'small', 'Amstelveen', 'administratief', 'prospect'],
  ['Verpleeghuis De Lindenhof', '87101', 'medium', 'Amsterdam', 'zorg', 'structural'],
  ['Dierenkliniek Amstelveen', '75000', 'small', 'Amstelveen', 'zorg dieren', 'prospect'],
  ['Tuincentrum De Groene Oase', '47761', 'medium', 'Aalsmeer', 'retail groen', 'contacted'],
  ['Sportschool Vitaal Hoofddorp', '93130', 'small', 'Hoofddorp', 'sport', 'prospect'],
  [
    'Klimaattechniek Haarlemmermeer B.V.',
    '43222',
    'medium',
    'Hoofddorp',
    'techniek installatie duurzaam',
    'interested',
  ],
  ['Pakketsorteercentrum Amsterdam-Zuidoost', '53100', 'large', 'Amsterdam', 'logistiek', 'contacted'],
  ['Facilitaire Diensten Amstel B.V.', '81100', 'medium', 'Amsterdam', 'facilitair', 'prospect'],
  ['Zonnepanelen Zonnig Noord', '43210', 'small', 'Amsterdam', 'techniek duurzaam', 'prospect'],
  // The second region: visible to its own coordinator and to admins, never to Groot Amsterdam's users.
  ['Chocoladefabriek Zaanse Cacao B.V.', '10820', 'large', 'Zaandam', 'voeding industrie', 'sw_pilot'],
  ['Houtzagerij De Zaanse Molen', '16100', 'small', 'Wormerveer', 'ambacht hout', 'prospect'],
  ['Visserijbedrijf Volendam Vis', '03110', 'small', 'Volendam', 'voeding visserij', 'contacted'],
  ['Transport Waterland B.V.', '49410', 'medium', 'Purmerend', 'logistiek chauffeurs', 'interested'],
  ['Zorgcentrum De Purmer', '87101', 'medium', 'Purmerend', 'zorg', 'prospect'],
  ['Hotel-Restaurant Het Dijkhuis', '55101', 'small', 'Volendam', 'horeca', 'prospect'],
];
