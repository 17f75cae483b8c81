/**
 * The api answers in English (with a stable `code` per domain error and a `field` per problem); the
 * app speaks Dutch. Everything the api says passes through here before it reaches the screen. What
 * has no Dutch wording yet keeps the English text, but only as a detail after a Dutch sentence.
 */

/** Dutch sentence per DomainError `code` (see `new DomainError(kind, code, …)` in libs). */
const CODE_MESSAGES: Record<string, string> = {
  'auth.invalid_credentials': 'Onbekend e-mailadres of verkeerd wachtwoord.',
  'auth.too_many_failures': 'Te veel mislukte pogingen; probeer het later opnieuw.',
  'auth.unauthenticated': 'Je sessie is verlopen; log opnieuw in.',
  'auth.forbidden': 'Je rol mag dit niet.',
  'http.rate_limited': 'Te veel verzoeken; wacht even en probeer het opnieuw.',
  'employer.duplicate_kvk': 'Er staat al een werkgever met dit KvK-nummer in deze regio.',
  'employer.not_found': 'Werkgever niet gevonden, of buiten je regio’s.',
  'organisation.not_found': 'Organisatie niet gevonden, of buiten je regio’s.',
  'organisation.duplicate_wsp': 'Deze regio heeft al een WSP-organisatie.',
  'contact.duplicate_email': 'Er is al een contactpersoon met dit e-mailadres.',
  'contact.primary_required': 'Er moet een primaire contactpersoon blijven.',
  'contact.not_found': 'Contactpersoon niet gevonden.',
  'task.not_found': 'Taak niet gevonden.',
  'import.too_large': 'Het bestand is te groot.',
  'import.not_found': 'Import niet gevonden.',
  'user.duplicate_email': 'Er is al een gebruiker met dit e-mailadres.',
  'user.last_admin': 'De laatste actieve beheerder kan niet worden gedegradeerd of uitgeschakeld.',
  'network.already_linked': 'Deze werkgever is al gekoppeld aan dit SW-bedrijf.',
  'network.not_sw_company': 'Alleen een SW-bedrijf heeft een netwerk.',
  'privacy.erased': 'Deze persoon is gewist; de gegevens kunnen niet opnieuw worden ingevuld.',
  'mail.invalid_address': 'Dit is geen bruikbaar e-mailadres.',
  'stage.later_stage_is_kept':
    'Een werkgever in een latere fase gaat alleen terug naar een vroege fase als een coördinator overrulet.',
  'stage.later_stages_follow_facts':
    'Deze fase volgt uit trajecten en succesverhalen; alleen een coördinator kan haar met de hand zetten.',
  'trajectory.duplicate': 'Dit traject bestaat al.',
  'validation.invalid': 'De invoer klopt niet.',
  'suppression.duplicate': 'Dit adres staat daar al op de blokkeerlijst.',
  'suppression.privacyRequest': 'Dit adres staat op de lijst door een AVG-verzoek (bezwaar of wissen) en blijft staan.',
  'campaign.invalid_state': 'Dat kan niet in de huidige status van de campagne.',
};

/** Dutch fallback per status, for an error without a known code. */
const STATUS_MESSAGES: Record<number, string> = {
  0: 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
  400: 'De invoer klopt niet.',
  401: 'Je sessie is verlopen; log opnieuw in.',
  403: 'Je rol mag dit niet.',
  404: 'Niet gevonden, of buiten je regio’s.',
  409: 'Dit kan nu niet.',
  413: 'Het bestand is te groot.',
  422: 'Dit kan niet worden verwerkt.',
  429: 'Te veel pogingen; probeer het later opnieuw.',
  500: 'Er ging iets mis op de server.',
};

/** Dutch label per field name the api reports in `details[].field` (and import rows). */
const FIELD_LABELS: Record<string, string> = {
  name: 'Naam',
  kvkNumber: 'KvK-nummer',
  regionId: 'Regio',
  regionCode: 'Regiocode',
  regionIds: 'Regio’s',
  vestigingsnummer: 'Vestigingsnummer',
  rsin: 'RSIN',
  sbiCode: 'SBI-code',
  sbiVersion: 'SBI-versie',
  sbiSection: 'SBI-sectie',
  sizeClass: 'Grootte',
  legalForm: 'Rechtsvorm',
  postcode: 'Postcode',
  city: 'Plaats',
  website: 'Website',
  ownerId: 'Eigenaar',
  leadSource: 'Bron',
  tags: 'Labels',
  stage: 'Fase',
  reason: 'Reden',
  override: 'Overrulen',
  firstName: 'Voornaam',
  lastName: 'Achternaam',
  email: 'E-mailadres',
  phone: 'Telefoon',
  role: 'Rol',
  emailBasis: 'Grondslag e-mail',
  emailBasisSource: 'Bron van de grondslag',
  contactFirstName: 'Voornaam contact',
  contactLastName: 'Achternaam contact',
  contactEmail: 'E-mailadres contact',
  contactPhone: 'Telefoon contact',
  contactRole: 'Functie contact',
  contactEmailBasis: 'Grondslag e-mail contact',
  contactEmailBasisSource: 'Bron grondslag contact',
  type: 'Soort',
  summary: 'Samenvatting',
  title: 'Titel',
  dueAt: 'Uiterlijk op',
  done: 'Klaar',
  password: 'Wachtwoord',
  currentPassword: 'Huidig wachtwoord',
  newPassword: 'Nieuw wachtwoord',
  kind: 'Soort',
  relation: 'Relatie',
  since: 'Sinds',
  until: 'Tot',
  file: 'Bestand',
  body: 'Invoer',
  sort: 'Sortering',
  page: 'Pagina',
  pageSize: 'Paginagrootte',
  q: 'Zoekterm',
};

/** Common English problem wordings (class-validator and our own) → Dutch; first match wins. */
const PROBLEM_PATTERNS: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^must be exactly (\d+) digits$/, (m) => `moet precies ${m[1]} cijfers zijn`],
  [/^(is required|should not be empty|must not be empty)$/, () => 'is verplicht'],
  [/^must be non-empty text$/, () => 'is verplicht'],
  [/^must be a UUID$/, () => 'is geen geldige verwijzing'],
  [/^is not a (usable|valid) e-mail address$/, () => 'is geen geldig e-mailadres'],
  [/^must be an email$/, () => 'is geen geldig e-mailadres'],
  [/^must be one of /, () => 'is geen toegestane waarde'],
  [/^must be at most (\d+) characters/, (m) => `mag hoogstens ${m[1]} tekens lang zijn`],
  [/^must be longer than or equal to (\d+) characters$/, (m) => `moet minstens ${m[1]} tekens lang zijn`],
  [/^must be shorter than or equal to (\d+) characters$/, (m) => `mag hoogstens ${m[1]} tekens lang zijn`],
  [/^is not a known field$/, () => 'is geen bekend veld'],
  [/^may not be null$/, () => 'mag niet leeg zijn'],
  [/^must be true or false/, () => 'moet ja of nee zijn'],
  [/^must be a whole number/, () => 'moet een geheel getal zijn'],
  [/^must be a valid ISO 8601 date string$/, () => 'is geen geldige datum'],
  [/^is required to move back/, () => 'is nodig om een werkgever terug te zetten'],
  [/^is required to leave a side state/, () => 'is nodig om een werkgever uit deze fase te halen'],
  [/^is required with override/, () => 'is nodig bij overrulen'],
  [/^is required for /, () => 'is nodig voor deze fase'],
  [/^needs an emailBasis$/, () => 'kan alleen samen met een grondslag'],
  [/^is empty$/, () => 'is leeg'],
  [/^must be a CSV file/, () => 'moet een CSV-bestand zijn (.csv)'],
  [/^is not CSV text/, () => 'is geen CSV-tekst; sla het op als "CSV UTF-8" en upload dat bestand'],
  [/^has (\d+) cells where the header has (\d+)/, (m) => `heeft ${m[1]} cellen waar de kopregel er ${m[2]} heeft`],
  [/^letters SS are never used in a postcode/, () => 'de letters SS komen in geen postcode voor'],
  [/^must look like a Dutch postcode|^is not a Dutch postcode/, () => 'is geen Nederlandse postcode (1234 AB)'],
  [/^no employer with this KvK number in this region/, () => 'geen werkgever met dit KvK-nummer in deze regio'],
  [/^already exists|^must be unique/, () => 'bestaat al'],
];

/** The Dutch name of a field, or the field itself when it has none (better than nothing). */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? FIELD_LABELS[field.split('.').pop() ?? field] ?? field;
}

/** A field problem in Dutch; an unknown wording is kept, after a Dutch lead-in, so nothing is lost. */
export function problemText(problem: string): string {
  for (const [pattern, dutch] of PROBLEM_PATTERNS) {
    const match = problem.match(pattern);
    if (match) return dutch(match);
  }
  return `is ongeldig (${problem})`;
}

/** The Dutch sentence for an error: by code, else by status. */
export function errorText(status: number, code: string | undefined): string {
  if (code && CODE_MESSAGES[code]) return CODE_MESSAGES[code];
  if (code?.endsWith('.not_found')) return STATUS_MESSAGES[404];
  return STATUS_MESSAGES[status] ?? `Er ging iets mis (${status}).`;
}

/** Whether the code has its own Dutch wording (else the English message is worth showing as a detail). */
export function hasDutchText(code: string | undefined): boolean {
  return code !== undefined && (code in CODE_MESSAGES || code.endsWith('.not_found'));
}
