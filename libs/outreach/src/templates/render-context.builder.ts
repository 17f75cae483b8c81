import { Injectable } from '@nestjs/common';
import { Clock, MailAddress } from '@app/core';
import { StoryService } from '@app/crm';
import { ContactRenderRow, RenderContextRepository } from './render-context.repository';
import { RenderContext, StoryExcerpt } from './template.types';

/** A render context for one contact, with what sending needs besides the template variables. */
export interface ContactRenderContext {
  context: RenderContext;
  /** The contact's mailbox; null when the contact has no e-mail address. */
  recipient: MailAddress | null;
  contactId: string;
  organisationId: string;
  regionId: string;
}

export interface ContactContextInput {
  contactId: string;
  /** The user the message is from (a campaign's sender; the caller in a preview). */
  senderId: string;
  /** The region scope the contact must be in; null for system work. */
  regionIds: string[] | null;
  unsubscribeUrl: string;
  /** Look up the `{{> story}}` story (default true; pass `CompiledTemplate.usesStory` to skip needless reads). */
  withStory?: boolean;
}

const SAMPLE_STORY: StoryExcerpt = {
  title: '[Titel van een praktijkverhaal]',
  summary: '[Hier komt een praktijkverhaal uit dezelfde sector, als er een bruikbaar is.]',
  quote: '[Citaat van de werkgever]',
  employerName: '[Werkgever]',
};

/** Builds the values a template is rendered with: one query for contact, employer, region, WSP and sender. */
@Injectable()
export class RenderContextBuilder {
  constructor(
    private readonly repository: RenderContextRepository,
    private readonly stories: StoryService,
    private readonly clock: Clock,
  ) {}

  /** Null when the contact does not exist or lies outside `regionIds`. */
  async forContact(input: ContactContextInput): Promise<ContactRenderContext | null> {
    const row = await this.repository.forContact(input.contactId, input.senderId, input.regionIds);
    if (!row) return null;
    const story = input.withStory === false ? null : await this.storyFor(row, new Map());
    return this.contextOf(row, input.unsubscribeUrl, story);
  }

  /**
   * Contexts for a batch of messages (system work: no region scope), aligned with `inputs`; null where the
   * contact does not exist. One query for all contacts; each story lookup once per region and sector.
   */
  async forContacts(inputs: Omit<ContactContextInput, 'regionIds'>[]): Promise<(ContactRenderContext | null)[]> {
    const rows = await this.repository.forContacts(inputs);
    const stories = new Map<string, Promise<StoryExcerpt | null>>();
    return Promise.all(
      inputs.map(async (input) => {
        const row = rows.get(input.contactId);
        if (!row) return null;
        const story = input.withStory === false ? null : await this.storyFor(row, stories);
        return this.contextOf(row, input.unsubscribeUrl, story);
      }),
    );
  }

  private contextOf(row: ContactRenderRow, unsubscribeUrl: string, story: StoryExcerpt | null): ContactRenderContext {
    return {
      context: {
        variables: {
          contact: { firstName: row.first_name, lastName: row.last_name },
          employer: { name: row.employer_name, city: row.employer_city },
          region: { name: row.region_name },
          sender: { name: row.sender_name, email: row.sender_email, phone: row.sender_phone },
          wsp: { name: row.wsp_name, postalAddress: row.wsp_postal_address },
          unsubscribeUrl,
        },
        story,
        now: this.clock.now(),
      },
      recipient: row.email ? { name: fullName(row), address: row.email } : null,
      contactId: row.contact_id,
      organisationId: row.organisation_id,
      regionId: row.region_id,
    };
  }

  /** Placeholder contact and employer, with the real sender, region and WSP where there is one. */
  async sample(input: { senderId: string; regionId: string | null; unsubscribeUrl: string }): Promise<RenderContext> {
    const row = await this.repository.forRegion(input.regionId, input.senderId);
    return {
      variables: {
        contact: { firstName: 'Voornaam', lastName: 'Achternaam' },
        employer: { name: 'Voorbeeldbedrijf B.V.', city: 'Plaatsnaam' },
        region: { name: row.region_name ?? 'Arbeidsmarktregio' },
        sender: { name: row.sender_name, email: row.sender_email, phone: row.sender_phone },
        wsp: {
          name: row.wsp_name ?? (input.regionId ? null : 'Werkgeversservicepunt'),
          postalAddress: row.wsp_postal_address ?? (input.regionId ? null : 'Postbus 1, 1000 AA Plaatsnaam'),
        },
        unsubscribeUrl: input.unsubscribeUrl,
      },
      story: SAMPLE_STORY,
      now: this.clock.now(),
    };
  }

  /** The region's usable story for the employer's sector; `seen` shares one lookup per region and sector. */
  private storyFor(
    row: ContactRenderRow,
    seen: Map<string, Promise<StoryExcerpt | null>>,
  ): Promise<StoryExcerpt | null> {
    if (row.sbi_version === null || row.sbi_section === null) return Promise.resolve(null);
    const key = `${row.region_id} ${row.sbi_version} ${row.sbi_section.trim()}`;
    let story = seen.get(key);
    if (!story) {
      story = this.stories
        .findUsableStory({ regionId: row.region_id, sbiVersion: row.sbi_version, sbiSection: row.sbi_section.trim() })
        .then(
          (found) =>
            found && {
              title: found.title,
              summary: found.summary,
              quote: found.quote,
              employerName: found.employerName,
            },
        );
      seen.set(key, story);
    }
    return story;
  }
}

function fullName(row: ContactRenderRow): string | null {
  const name = [row.first_name, row.last_name].filter(Boolean).join(' ');
  return name === '' ? null : name;
}
