/** One change of a contact's e-mail basis (domain.md "Rules for outreach email"); `basis: null` withdraws it. */
export interface BasisEvent {
  basis: 'consent' | 'existing_relationship' | 'published_for_purpose' | null;
  source: string | null;
  evidence: string | null;
  at: string;
  /** A DemoUser key. */
  by: string;
}

const day = (seed: number, year: number) =>
  `${year}-${String(1 + (seed % 12)).padStart(2, '0')}-${String(1 + ((seed * 3) % 27)).padStart(2, '0')}T10:00:00+01:00`;

/**
 * A realistic mix: consent, an existing relationship, an address published for the purpose, no basis
 * at all, a relationship that later became consent, and a consent that was withdrawn.
 */
export function contactBasis(seed: number, domain: string): BasisEvent[] {
  const by = seed % 2 === 0 ? 'account_manager' : 'coordinator';
  const consent = (year: number): BasisEvent => ({
    basis: 'consent',
    source: 'Aanmeldformulier werkgeversbijeenkomst',
    evidence: `Formulier ondertekend, archiefnummer WGB-${year}-${String(100 + seed).padStart(4, '0')}`,
    at: day(seed, year),
    by,
  });
  const relationship = (year: number): BasisEvent => ({
    basis: 'existing_relationship',
    source: 'Klantrelatie: detachering of eerdere samenwerking',
    evidence: 'Samenwerkingsovereenkomst in het dossier; bezwaarmogelijkheid gemeld bij het verzamelen',
    at: day(seed, year),
    by,
  });
  switch (seed % 7) {
    case 0:
      return [consent(2025)];
    case 1:
      return [relationship(2024)];
    case 2:
      return [
        {
          basis: 'published_for_purpose',
          source: 'Website werkgever, pagina "Samenwerken"',
          evidence: `https://www.${domain}/samenwerken`,
          at: day(seed, 2025),
          by,
        },
      ];
    case 3:
      return [];
    case 4:
      return [relationship(2023), consent(2025)];
    case 5:
      return [consent(2024), { basis: null, source: 'Telefonisch verzoek', evidence: null, at: day(seed, 2025), by }];
    default:
      return [consent(2024)];
  }
}
