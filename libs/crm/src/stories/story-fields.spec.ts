import { storyValues } from './story-fields';
import { StoryValues } from './story.types';

const stored: StoryValues = {
  title: 'Van leerbaan naar vaste baan',
  summary: 'Drie medewerkers haalden hun praktijkverklaring.',
  quote: null,
  consentAt: '2027-01-10',
  expiresAt: null,
  published: true,
};

describe('storyValues', () => {
  it('should trim text and keep stored values for fields left out of an update', () => {
    expect(storyValues({ title: '  Nieuwe titel ', quote: '  ' }, stored)).toEqual({
      ...stored,
      title: 'Nieuwe titel',
      quote: null,
    });
  });

  it('should require title, summary and published when a story is created', () => {
    expect(() => storyValues({}, null)).toThrow(
      expect.objectContaining({
        details: [
          { field: 'title', problem: 'is required' },
          { field: 'summary', problem: 'is required' },
          { field: 'published', problem: 'is required' },
        ],
      }),
    );
  });

  it('should refuse a date that is not a real YYYY-MM-DD day', () => {
    expect(() => storyValues({ expiresAt: '2027-02-30' }, stored)).toThrow(
      expect.objectContaining({ kind: 'invalid', details: [expect.objectContaining({ field: 'expiresAt' })] }),
    );
  });

  it('should refuse an expiry before the consent day', () => {
    expect(() => storyValues({ expiresAt: '2027-01-09' }, stored)).toThrow(
      expect.objectContaining({ kind: 'invalid', details: [expect.objectContaining({ field: 'expiresAt' })] }),
    );
  });

  it('should answer a conflict naming the rule when a story is published without consent', () => {
    expect(() => storyValues({ title: 'T', summary: 'S', published: true }, null)).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'story.consent_required' }),
    );
    expect(() => storyValues({ consentAt: null }, stored)).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'story.consent_required' }),
    );
  });

  it('should report invalid fields before the consent conflict when both apply', () => {
    expect(() => storyValues({ title: '', summary: 'S', published: true }, null)).toThrow(
      expect.objectContaining({ kind: 'invalid' }),
    );
  });
});
