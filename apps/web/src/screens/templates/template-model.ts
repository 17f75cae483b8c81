// The template shapes the api answers (libs/outreach templates: TemplateResponse and friends); the
// OpenAPI document types the requests only, so the responses are described here.

export interface TemplateSummary {
  id: string;
  /** null: a national template, readable by every region. */
  regionId: string | null;
  name: string;
  /** The current version's number. */
  version: number;
  subject: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Template extends TemplateSummary {
  html: string;
  /** null: the plain text is generated from the HTML. */
  text: string | null;
}

export interface TemplateVersion {
  templateId: string;
  version: number;
  subject: string;
  html: string;
  text: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

export interface TestSendAccepted {
  templateId: string;
  version: number;
  to: string;
}

/** The three parts a variable can be inserted into. */
export type SourceField = 'subject' | 'html' | 'text';

export const SOURCE_LABELS: Record<SourceField, string> = {
  subject: 'Onderwerp',
  html: 'HTML-tekst',
  text: 'Platte tekst',
};

/** Every variable a template may print (api.md "Outreach"), with what it holds. */
export const TEMPLATE_VARIABLES: { name: string; description: string }[] = [
  { name: 'contact.firstName', description: 'Voornaam van de contactpersoon' },
  { name: 'contact.lastName', description: 'Achternaam van de contactpersoon' },
  { name: 'employer.name', description: 'Naam van de werkgever' },
  { name: 'employer.city', description: 'Plaats van de werkgever' },
  { name: 'region.name', description: 'Naam van de arbeidsmarktregio' },
  { name: 'sender.name', description: 'Naam van de afzender' },
  { name: 'sender.email', description: 'E-mailadres van de afzender' },
  { name: 'sender.phone', description: 'Telefoonnummer van de afzender' },
  { name: 'wsp.name', description: 'Naam van het werkgeversservicepunt' },
  { name: 'wsp.postalAddress', description: 'Postadres van het werkgeversservicepunt' },
  { name: 'unsubscribeUrl', description: 'Afmeldlink (staat altijd al in de voettekst)' },
];

/** The success-story partial: a usable story of the same sector and region, else the same sector, else nothing. */
export const STORY_PARTIAL = '{{> story}}';
