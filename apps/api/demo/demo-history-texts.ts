import type { SeedOrganisation } from './demo-dataset';
import type { DemoStory } from './demo-history.types';

/** The demo's success stories: two usable ones (an ambassador and an own-trajectory employer) and a draft. */
export const DEMO_STORIES: Record<string, Omit<DemoStory, 'daysAgo' | 'consentDaysAgo'>> = {
  'Cateringbedrijf Smakelijk Amsterdam B.V.': {
    title: 'Van detachering naar een eigen leerlijn in de keuken',
    summary:
      'Smakelijk begon met gedetacheerde medewerkers van Amstel Werkbedrijf en leidt nu zelf op met de ' +
      'praktijkverklaring: drie medewerkers haalden hun verklaring voor de werkprocessen van zelfstandig werkend kok.',
    quote: 'Wij hadden nooit gedacht dat we dit zelf konden; nu is het gewoon hoe we mensen inwerken.',
    expiresInDays: 540,
    published: true,
  },
  'Zorggroep Amstelland': {
    title: 'Een eerste eigen leerbaan in de zorg',
    summary:
      'Na jaren van detacheringen via het ontwikkelbedrijf startte Zorggroep Amstelland een eigen traject: ' +
      'een helpende zorg en welzijn leert op de afdeling, begeleid door een praktijkopleider van de zorggroep.',
    quote: null,
    expiresInDays: null,
    published: true,
  },
  'Verpleeghuis De Lindenhof': {
    title: 'Twee collega’s, één praktijkverklaring (concept)',
    summary: 'Concept: wacht op toestemming van de directie voordat het verhaal gedeeld wordt.',
    quote: null,
    expiresInDays: null,
    published: false,
  },
};

export function addedNote(employer: SeedOrganisation): string {
  return `Toegevoegd aan de werkgeverslijst (bron: ${employer.leadSource ?? 'onbekend'}).`;
}

export const FIRST_CONTACT = {
  call: 'Eerste telefonisch contact: uitleg praktijkleren met de praktijkverklaring, informatie nagestuurd.',
  email: 'Eerste e-mail met de folder praktijkleren en een uitnodiging voor een kennismaking.',
} as const;
export const INTRO_MEETING = 'Kennismakingsgesprek op locatie: interesse in een leerbaan, werkprocessen besproken.';
export const AGREEMENTS = {
  sw: 'Afspraken vooraf met SW-bedrijf, ROC en praktijkopleider: pilot via het SW-bedrijf.',
  direct: 'Afspraken vooraf en praktijkovereenkomst: eigen traject als erkend leerbedrijf.',
} as const;
export const NOT_NOW = 'Gebeld: op dit moment geen ruimte voor begeleiding van een leerling.';
export const PAUSED = 'Werkgever meldt een reorganisatie; contact tijdelijk on hold.';
