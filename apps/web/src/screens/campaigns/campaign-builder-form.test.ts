import { describe, expect, it } from 'vitest';
import {
  bodyFromForm,
  emptyForm,
  formFromCampaign,
  moveStep,
  newStep,
  describeDuration,
  parseWaitDuration,
  waitDuration,
  type ApiStep,
  type Campaign,
  type StepForm,
} from './campaign-builder-form';

/** A saved draft whose steps are an e-mail and then `steps`. */
function savedCampaign(steps: ApiStep[]): Campaign {
  return {
    id: 'c1',
    name: 'Najaar',
    regionId: 'r1',
    segmentId: 's1',
    senderId: 'u1',
    steps: [{ type: 'email', templateId: 't1' }, ...steps],
    contactScope: 'primary',
    exitStage: 'interested',
    sendWindow: null,
    maxPerHour: null,
    launchAt: null,
    status: 'draft',
  };
}

describe('campaign builder form', () => {
  it('should write waits as the ISO durations the api takes', () => {
    expect(waitDuration('3', 'days')).toBe('P3D');
    expect(waitDuration('4', 'hours')).toBe('PT4H');
    expect(waitDuration('30', 'minutes')).toBe('PT30M');
  });

  it('should read a duration in the largest unit that holds it whole, rounding nothing away', () => {
    expect(parseWaitDuration('P3D')).toEqual({ amount: '3', unit: 'days' });
    expect(parseWaitDuration('PT4H')).toEqual({ amount: '4', unit: 'hours' });
    expect(parseWaitDuration('PT1H30M')).toEqual({ amount: '90', unit: 'minutes' });
    expect(parseWaitDuration('PT90M')).toEqual({ amount: '90', unit: 'minutes' });
    // Days and hours together are no number of hours on the working-days calendar.
    expect(parseWaitDuration('P1DT12H')).toBeNull();
    expect(parseWaitDuration('PT2S')).toEqual({ amount: '2', unit: 'seconds' });
    expect(parseWaitDuration('P1W')).toBeNull();
    expect(parseWaitDuration('PT')).toBeNull();
  });

  it('should send no window for "Altijd verzenden", no cap for an empty hourly cap and no region on update', () => {
    const form = {
      ...emptyForm('region-1', 'user-1'),
      name: 'Voorjaar',
      segmentId: 'segment-1',
      alwaysSend: true,
      steps: [
        { ...newStep('email'), templateId: 't1' } as const,
        { ...newStep('wait'), amount: '2', unit: 'days', calendar: 'calendar-days' } as const,
        { ...newStep('task'), title: 'Bellen' } as const,
      ],
    };
    expect(bodyFromForm(form, 'create')).toEqual({
      name: 'Voorjaar',
      regionId: 'region-1',
      segmentId: 'segment-1',
      senderId: 'user-1',
      steps: [
        { type: 'email', templateId: 't1' },
        { type: 'wait', duration: 'P2D', calendar: 'calendar-days' },
        { type: 'task', title: 'Bellen' },
      ],
      contactScope: 'primary',
      exitStage: 'interested',
      sendWindow: null,
      maxPerHour: null,
      launchAt: null,
    });
    const update = bodyFromForm({ ...form, alwaysSend: false, days: [3, 1], maxPerHour: '40' }, 'update');
    expect(update).not.toHaveProperty('regionId');
    expect(update).toMatchObject({ sendWindow: { days: [1, 3], from: '09:00', to: '17:00' }, maxPerHour: 40 });
  });

  it('should load a saved campaign into the form and send the same definition back', () => {
    const campaign: Campaign = {
      id: 'c1',
      name: 'Najaar',
      regionId: 'r1',
      segmentId: 's1',
      senderId: 'u1',
      steps: [
        { type: 'email', templateId: 't1' },
        { type: 'wait', duration: 'PT4H', calendar: 'working-days' },
        { type: 'email', templateId: 't2' },
      ],
      contactScope: 'all',
      exitStage: 'sw_pilot',
      sendWindow: { days: [1, 2], from: '08:00', to: '12:00' },
      maxPerHour: 10,
      launchAt: '2030-03-01T08:00:00.000Z',
      status: 'scheduled',
    };
    const body = bodyFromForm(formFromCampaign(campaign), 'update');
    expect(body).toEqual({
      name: 'Najaar',
      segmentId: 's1',
      senderId: 'u1',
      steps: campaign.steps,
      contactScope: 'all',
      exitStage: 'sw_pilot',
      sendWindow: campaign.sendWindow,
      maxPerHour: 10,
      launchAt: '2030-03-01T08:00:00.000Z',
    });
  });

  it.each(['P1DT12H', 'P3D', 'PT4H', 'P1W', 'PT90M'])('should send a saved wait of %s back unchanged', (duration) => {
    const campaign = savedCampaign([{ type: 'wait', duration, calendar: 'working-days' }]);
    const form = formFromCampaign(campaign);
    expect(bodyFromForm(form, 'update').steps).toEqual(campaign.steps);
    // Another step edited, or the calendar changed: the duration still stays as saved.
    const calendar = form.steps.map((step) => (step.type === 'wait' ? { ...step, calendar: 'calendar-days' } : step));
    expect(bodyFromForm({ ...form, steps: calendar as StepForm[] }, 'update').steps?.[1]).toEqual({
      type: 'wait',
      duration,
      calendar: 'calendar-days',
    });
  });

  it('should show a wait it cannot hold as one number as unsupported, and send a new one once typed', () => {
    const form = formFromCampaign(savedCampaign([{ type: 'wait', duration: 'P1DT12H', calendar: 'working-days' }]));
    const wait = form.steps[1];
    expect(wait).toMatchObject({ type: 'wait', amount: '', saved: 'P1DT12H' });
    expect(describeDuration('P1DT12H')).toBe('1 dag en 12 uur');
    expect(describeDuration('P1W')).toBe('P1W');
    const typed = { ...wait, amount: '2', unit: 'days', saved: null } as StepForm;
    expect(bodyFromForm({ ...form, steps: [form.steps[0], typed] }, 'update').steps?.[1]).toEqual({
      type: 'wait',
      duration: 'P2D',
      calendar: 'working-days',
    });
  });

  it('should move a step one place and leave the list alone at either end', () => {
    expect(moveStep(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveStep(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveStep(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
