// Direct paths: this spec needs pure rules only, not every module of the libs.
import { trajectoryStageTargets } from '../../../libs/crm/src/trajectories/trajectory-stage-rule';
import { containsBsn } from '../../../libs/crm/src/trajectories/candidate-ref';
import { parsePeriod } from '../../../libs/crm/src/targets/target-period';
import { TARGET_METRICS } from '../../../libs/crm/src/targets/target.types';
import { buildDemoDataset } from './demo-dataset';
import { HISTORY_DAYS } from './demo-history';
import { buildDemoTargets } from './demo-targets';

const PIPELINE = ['prospect', 'contacted', 'interested', 'sw_pilot', 'own_trajectory', 'structural', 'ambassador'];
const dataset = buildDemoDataset();
const employers = new Map(dataset.organisations.filter((o) => o.kind === 'employer').map((e) => [e.name, e]));
const histories = dataset.histories;
const usable = (s: { published: boolean; consentDaysAgo: number | null; expiresInDays: number | null }) =>
  s.published && s.consentDaysAgo !== null && s.consentDaysAgo >= 0 && (s.expiresInDays ?? 0) >= 0;

describe('demo history', () => {
  it('should give every employer a history and put employers in every stage and side state', () => {
    expect(histories.map((h) => h.employer).sort()).toEqual([...employers.keys()].sort());
    const stages = new Set(histories.map((h) => h.steps.at(-1)?.to ?? 'prospect'));
    expect(stages).toEqual(new Set([...PIPELINE, 'not_interested', 'paused']));
  });

  it('should end each history in the employer’s stage, in time order, within the past 18 months', () => {
    for (const history of histories) {
      expect(history.steps.at(-1)?.to ?? 'prospect').toBe(employers.get(history.employer)!.stage);
      const days = [history.enteredDaysAgo, ...history.steps.map((s) => s.daysAgo)];
      expect(days[0]).toBeLessThanOrEqual(HISTORY_DAYS);
      for (let i = 1; i < days.length; i++) expect(days[i]).toBeLessThan(days[i - 1]);
      expect(days.at(-1)).toBeGreaterThan(0);
      for (const a of history.activities) expect(a.daysAgo).toBeLessThanOrEqual(history.enteredDaysAgo);
    }
  });

  it('should spread the histories over the whole 18 months', () => {
    const entered = histories.map((h) => h.enteredDaysAgo);
    expect(Math.max(...entered)).toBeGreaterThan(450);
    expect(Math.min(...entered)).toBeLessThan(150);
  });

  it('should move forward only, one pipeline stage or a side state at a time, with the right causes', () => {
    for (const history of histories) {
      let from = 'prospect';
      for (const step of history.steps) {
        if (PIPELINE.includes(step.to)) expect(PIPELINE.indexOf(step.to)).toBeGreaterThan(PIPELINE.indexOf(from));
        else expect(step.reason).toBeTruthy();
        const expected = ['sw_pilot', 'own_trajectory', 'structural'].includes(step.to)
          ? 'trajectory'
          : step.to === 'ambassador'
            ? 'story'
            : 'manual';
        expect(step.cause).toBe(expected);
        if (!PIPELINE.includes(step.to)) expect(history.stageBeforeSide).toBe(from);
        from = step.to;
      }
    }
  });

  it('should log the contact or meeting that led to each early move on the same day', () => {
    for (const history of histories) {
      for (const step of history.steps.filter((s) => s.to === 'contacted' || s.to === 'interested')) {
        const types = step.to === 'contacted' ? ['call', 'email'] : ['meeting'];
        expect(history.activities.some((a) => a.daysAgo === step.daysAgo && types.includes(a.type))).toBe(true);
      }
    }
  });

  it('should date each trajectory move at a trajectory’s start and agree with the trajectory stage rule', () => {
    for (const history of histories) {
      const ordered = [...history.trajectories].sort((a, b) => b.startedDaysAgo - a.startedDaysAgo);
      const targets = trajectoryStageTargets(ordered);
      // `advance` only moves forward: keep the targets that lie past the stage reached so far.
      const moves: { to: string; daysAgo: number }[] = [];
      let reached = 'interested';
      ordered.forEach((t, i) => {
        if (PIPELINE.indexOf(targets[i]) > PIPELINE.indexOf(reached)) {
          moves.push({ to: targets[i], daysAgo: t.startedDaysAgo });
          reached = targets[i];
        }
      });
      const steps = history.steps.filter((s) => s.cause === 'trajectory').map(({ to, daysAgo }) => ({ to, daysAgo }));
      expect(moves).toEqual(steps);
    }
  });

  it('should keep trajectories consistent and pseudonymous', () => {
    const all = histories.flatMap((h) => h.trajectories);
    expect(all.length).toBeGreaterThan(10);
    expect([...new Set(all.map((t) => t.status))]).toEqual(
      expect.arrayContaining(['certified', 'stopped', 'learning']),
    );
    for (const t of all) {
      expect(containsBsn(t.candidateRef)).toBe(false);
      expect(t.status === 'certified').toBe(t.praktijkverklaringDaysAgo !== null);
      if (t.praktijkverklaringDaysAgo !== null) {
        expect(t.praktijkverklaringDaysAgo).toBeLessThan(t.startedDaysAgo);
        expect(t.praktijkverklaringDaysAgo).toBeGreaterThan(0);
      }
      if (t.outcome !== null) expect(['certified', 'stopped']).toContain(t.status);
      expect(t.host !== null).toBe(t.route !== 'direct');
    }
  });

  it('should hold usable stories only where the stage rule allows them, an ambassador’s among them', () => {
    const stories = histories.flatMap((h) => h.stories.map((s) => ({ ...s, stage: h.steps.at(-1)?.to, h })));
    expect(stories.filter(usable).length).toBeGreaterThanOrEqual(2);
    for (const story of stories) {
      // A usable story of a structural employer would have made it an ambassador.
      if (usable(story)) expect(story.stage).not.toBe('structural');
      if (story.published) expect(story.consentDaysAgo).not.toBeNull();
    }
    for (const history of histories.filter((h) => h.steps.at(-1)?.to === 'ambassador')) {
      const step = history.steps.at(-1)!;
      const story = history.stories.find((s) => s.daysAgo === step.daysAgo);
      expect(story && usable(story)).toBe(true);
      expect(story!.consentDaysAgo).toBeGreaterThanOrEqual(step.daysAgo);
    }
  });

  it('should set every target metric for the current and next year in both regions', () => {
    const targets = buildDemoTargets(2027);
    for (const region of ['main', 'second']) {
      for (const period of ['2027', '2028']) {
        const metrics = targets.filter((t) => t.region === region && t.period === period).map((t) => t.metric);
        expect(metrics.sort()).toEqual([...TARGET_METRICS].sort());
      }
    }
    for (const t of targets) expect(parsePeriod(t.period)?.text).toBe(t.period);
    expect(new Set(targets.map((t) => `${t.region}/${t.period}/${t.metric}`)).size).toBe(targets.length);
  });
});
