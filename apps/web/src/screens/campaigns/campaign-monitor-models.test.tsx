import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LaunchProgress, StepTable } from './campaign-monitor-counters';
import {
  allowedActions,
  MAX_POLL_DELAY,
  pollDelay,
  pollInterval,
  stepLabel,
  type CampaignView,
} from './campaign-monitor-models';

afterEach(cleanup);

const launching = {
  id: 'c1',
  name: 'Kennismaking',
  regionId: 'r1',
  status: 'launching',
  steps: [],
  launchAt: null,
  launchedAt: null,
  completedAt: null,
  cancelledAt: null,
  createdAt: '2026-11-29T00:00:00Z',
  progress: {
    audience: 40,
    enrolled: 10,
    skipped: { noEmail: 2, noBasis: 0, suppressed: 1, restricted: 0, overlap: 0 },
    waitingForPressure: 0,
  },
  stats: {
    sent: 0,
    bounced: 0,
    blocked: 0,
    replied: 0,
    unsubscribed: 0,
    exited: 0,
    converted: 0,
    failed: 0,
    unknown: 0,
  },
} satisfies CampaignView;

describe('campaign monitor rules', () => {
  it('should offer only the actions the api allows in each status', () => {
    expect(allowedActions('draft')).toEqual(['cancel']);
    expect(allowedActions('launching')).toEqual(['cancel']);
    expect(allowedActions('running')).toEqual(['pause', 'cancel']);
    expect(allowedActions('paused')).toEqual(['resume', 'cancel']);
    expect(allowedActions('completed')).toEqual([]);
    expect(allowedActions('cancelled')).toEqual([]);
  });

  it('should poll fast while launching, slower while running and never once finished', () => {
    expect(pollInterval('launching')).toBe(1000);
    expect(pollInterval('running')).toBeGreaterThanOrEqual(2000);
    expect(pollInterval('running')).toBeLessThanOrEqual(3000);
    expect(pollInterval('draft')).toBeNull();
    expect(pollInterval('completed')).toBeNull();
    expect(pollInterval('cancelled')).toBeNull();
  });

  it('should wait longer after each failed poll, up to a cap, and go back to the interval after a success', () => {
    expect(pollDelay(2500, 0)).toBe(2500);
    expect(pollDelay(2500, 1)).toBe(5000);
    expect(pollDelay(2500, 2)).toBe(10000);
    expect(pollDelay(2500, 10)).toBe(MAX_POLL_DELAY);
    expect(pollDelay(2500, 1000)).toBe(MAX_POLL_DELAY);
  });

  it('should name a step by its position and kind', () => {
    const steps = [
      { type: 'email', templateId: 't' },
      { type: 'wait', duration: 'P3D' },
    ] as CampaignView['steps'];
    expect(stepLabel(steps, 0)).toBe('Stap 1 (e-mail)');
    expect(stepLabel(steps, 1)).toBe('Stap 2 (wachten)');
    expect(stepLabel(steps, 5)).toBe('Stap 6');
  });

  it('should show a labelled progress bar of enrolled contacts while launching, and skipped counts', () => {
    render(<LaunchProgress campaign={launching} />);
    const bar = screen.getByLabelText('Campagne wordt gestart: contactpersonen inschrijven') as HTMLProgressElement;
    expect(bar.tagName).toBe('PROGRESS');
    expect(bar.value).toBe(10);
    expect(bar.max).toBe(40);
    expect(screen.getByText(/Overgeslagen: 2 geen e-mailadres, 1 op de blokkeerlijst\./)).toBeTruthy();
  });

  it('should show per step what was sent, not delivered, refused, replied and unsubscribed', () => {
    const steps = [{ type: 'email', templateId: 't' }] as CampaignView['steps'];
    render(
      <StepTable
        steps={steps}
        results={[{ step: 0, templateId: 't', sent: 1200, bounced: 7, blocked: 3, replied: 41, unsubscribed: 2 }]}
      />,
    );
    const headers = screen.getAllByRole('columnheader').map((cell) => cell.textContent);
    const cells = screen.getAllByRole('cell').map((cell) => cell.textContent);
    expect(headers).toEqual(['Stap', 'Verstuurd', 'Niet aangekomen', 'Geweigerd', 'Gereageerd', 'Afgemeld']);
    expect(screen.getByRole('rowheader').textContent).toBe('Stap 1 (e-mail)');
    expect(cells).toEqual(['1.200', '7', '3', '41', '2']);
  });

  it('should show no progress bar once the campaign runs', () => {
    render(<LaunchProgress campaign={{ ...launching, status: 'running' }} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText(/10 contactpersonen ingeschreven bij 40 werkgevers\./)).toBeTruthy();
  });
});
