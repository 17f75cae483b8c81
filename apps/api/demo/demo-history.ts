import type { SeedOrganisation } from './demo-dataset';
import type { Stage } from './demo-employers';
import {
  addedNote,
  AGREEMENTS,
  DEMO_STORIES,
  FIRST_CONTACT,
  INTRO_MEETING,
  NOT_NOW,
  PAUSED,
} from './demo-history-texts';
import { Cause, DemoStory, EmployerHistory, HISTORY_DAYS } from './demo-history.types';
import { trajectoryFor } from './demo-trajectories';

export * from './demo-history.types';

/**
 * The relationship history of every demo employer over the past 18 months: stage changes ending in
 * the employer's stage, the activities and trajectories that caused them, tasks, and a few success
 * stories. Times are whole days before the day the demo is filled (`daysAgo`), so the history stays
 * "recent" whenever the demo is started; the seed repository turns them into dates.
 */

type Move = 'contacted' | 'interested' | 'sw' | 'direct' | 'second_direct' | 'own_employee' | 'story' | Stage;

/** The path each final stage took; some own-trajectory employers skipped the SW pilot. */
function pathTo(stage: Stage, index: number): Move[] {
  switch (stage) {
    case 'prospect':
      return [];
    case 'contacted':
      return ['contacted'];
    case 'interested':
      return ['contacted', 'interested'];
    case 'sw_pilot':
      return ['contacted', 'interested', 'sw'];
    case 'own_trajectory':
      return index % 2 === 0 ? ['contacted', 'interested', 'sw', 'direct'] : ['contacted', 'interested', 'direct'];
    case 'structural':
      return ['contacted', 'interested', 'sw', 'direct', index % 2 === 0 ? 'second_direct' : 'own_employee'];
    case 'ambassador':
      return ['contacted', 'interested', 'sw', 'direct', 'second_direct', 'story'];
    case 'not_interested':
      return ['contacted', 'not_interested'];
    case 'paused':
      return ['contacted', 'interested', 'paused'];
  }
}

const STAGE_OF: Record<Move, Stage> = {
  contacted: 'contacted',
  interested: 'interested',
  sw: 'sw_pilot',
  direct: 'own_trajectory',
  second_direct: 'structural',
  own_employee: 'structural',
  story: 'ambassador',
  prospect: 'prospect',
  sw_pilot: 'sw_pilot',
  own_trajectory: 'own_trajectory',
  structural: 'structural',
  ambassador: 'ambassador',
  not_interested: 'not_interested',
  paused: 'paused',
};

/** Builds every employer's history, deterministically from its place in the list. */
export function buildDemoHistory(organisations: SeedOrganisation[]): EmployerHistory[] {
  return organisations.filter((o) => o.kind === 'employer').map((employer, index) => historyOf(employer, index));
}

/** How many days each move takes after the previous one (min, max): a believable pace. */
const GAPS: Partial<Record<Move, [number, number]>> = {
  contacted: [10, 60],
  interested: [20, 90],
  sw: [30, 120],
  direct: [90, 200],
  second_direct: [60, 150],
  own_employee: [60, 150],
  story: [30, 90],
  not_interested: [20, 100],
  paused: [30, 120],
};

/** Days before the demo day of the employer's entry and of each move, spread over the 18 months. */
function timeline(path: Move[], index: number): { entered: number; days: number[] } {
  let gaps = path.map((move, step) => {
    const [low, high] = GAPS[move]!;
    return low + ((index * 37 + step * 61) % (high - low + 1));
  });
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  const latest = HISTORY_DAYS - 2;
  // Long paths are squeezed into the window; the rest end anywhere between 2 days and 18 months ago.
  if (total > latest) gaps = gaps.map((gap) => Math.max(5, Math.floor((gap * latest) / total)));
  const squeezed = gaps.reduce((sum, gap) => sum + gap, 0);
  const end = 2 + ((index * 53) % (Math.max(0, latest - squeezed) + 1));
  const entered = end + squeezed;
  let day = entered;
  return { entered, days: gaps.map((gap) => (day -= gap)) };
}

function historyOf(employer: SeedOrganisation, index: number): EmployerHistory {
  const path = pathTo(employer.stage, index);
  const { entered, days } = timeline(path, index);
  const history: EmployerHistory = {
    employer: employer.name,
    enteredDaysAgo: entered,
    steps: [],
    stageBeforeSide: null,
    activities: [{ type: 'note', daysAgo: entered, summary: addedNote(employer), withContact: false }],
    tasks: [],
    trajectories: [],
    stories: [],
  };
  path.forEach((move, step) => addMove(history, employer, index, move, days[step]));
  addRepeatTrajectory(history, employer, index);
  addOpenTasks(history, employer.stage, index);
  // Stories that made no ambassador: of an employer that is not structural, or a draft without consent.
  const story = DEMO_STORIES[employer.name];
  if (story && history.stories.length === 0) {
    const day = Math.max(2, Math.round((days.at(-1) ?? 4) / 2));
    history.stories.push({ ...story, daysAgo: day, consentDaysAgo: story.published ? day + 1 : null });
  }
  return history;
}

/**
 * Some employers placed another candidate after the trajectory that moved them: it changes no stage
 * (advance moves forward only), but it is volume the reports count.
 */
function addRepeatTrajectory(history: EmployerHistory, employer: SeedOrganisation, index: number): void {
  const lastTrajectory = history.trajectories.at(-1);
  if (!lastTrajectory || index % 2 !== 0) return;
  const day = lastTrajectory.startedDaysAgo - 45;
  if (day < 3) return;
  const sw = lastTrajectory.route !== 'direct';
  if (!sw && employer.stage !== 'structural' && employer.stage !== 'ambassador') return;
  const count = history.trajectories.length;
  history.trajectories.push(trajectoryFor(employer, { sw, forOwnEmployee: false }, day, count, index + 1));
}

function addMove(history: EmployerHistory, employer: SeedOrganisation, index: number, move: Move, day: number) {
  const step = (cause: Cause, reason: string | null = null) =>
    history.steps.push({ to: STAGE_OF[move], daysAgo: day, cause, reason });
  switch (move) {
    case 'contacted': {
      const type = index % 3 === 0 ? 'email' : 'call';
      history.activities.push({ type, daysAgo: day, summary: FIRST_CONTACT[type], withContact: true });
      history.tasks.push({ title: 'Eerste belronde werkgevers', dueInDays: -day, doneDaysAgo: day });
      return step('manual');
    }
    case 'interested':
      history.activities.push({ type: 'meeting', daysAgo: day, summary: INTRO_MEETING, withContact: true });
      return step('manual', null);
    case 'sw':
    case 'direct':
    case 'second_direct':
    case 'own_employee': {
      const kind = { sw: move === 'sw', forOwnEmployee: move === 'own_employee' };
      const trajectory = trajectoryFor(employer, kind, day, history.trajectories.length, index);
      history.trajectories.push(trajectory);
      history.activities.push({
        type: 'meeting',
        daysAgo: day + 6,
        summary: AGREEMENTS[move === 'sw' ? 'sw' : 'direct'],
        withContact: true,
      });
      if (trajectory.status === 'certified') {
        history.activities.push({
          type: 'note',
          daysAgo: trajectory.praktijkverklaringDaysAgo!,
          summary: 'Praktijkverklaring uitgereikt; kandidaat en praktijkopleider tevreden.',
          withContact: false,
        });
      }
      return step('trajectory');
    }
    case 'story': {
      const story = storyFor(employer, day);
      history.stories.push(story);
      return step('story', `Success story “${story.title}”`);
    }
    case 'not_interested':
      history.stageBeforeSide = history.steps.at(-1)!.to;
      history.activities.push({ type: 'call', daysAgo: day, summary: NOT_NOW, withContact: true });
      history.tasks.push({ title: 'Opnieuw contact opnemen', dueInDays: 60 + (index % 30), doneDaysAgo: null });
      return step('manual', 'Geen begeleidingscapaciteit dit jaar; over een paar maanden opnieuw proberen');
    case 'paused':
      history.stageBeforeSide = history.steps.at(-1)!.to;
      history.activities.push({ type: 'note', daysAgo: day, summary: PAUSED, withContact: false });
      return step('manual', 'Reorganisatie bij de werkgever; na de zomer verder');
    default:
      throw new Error(`demo history: no move ${move}`);
  }
}

function addOpenTasks(history: EmployerHistory, stage: Stage, index: number): void {
  const due = (index % 5) - 2; // overdue, today and this week
  if (stage === 'contacted')
    history.tasks.push({ title: 'Kennismakingsgesprek plannen', dueInDays: due, doneDaysAgo: null });
  if (stage === 'interested') {
    history.tasks.push({ title: 'Voorstel leerbaan en werkprocessen sturen', dueInDays: due + 3, doneDaysAgo: null });
  }
  if (['sw_pilot', 'own_trajectory', 'structural'].includes(stage)) {
    history.tasks.push({ title: 'Tussenevaluatie met de praktijkopleider', dueInDays: due + 7, doneDaysAgo: null });
  }
}

function storyFor(employer: SeedOrganisation, day: number): DemoStory {
  const story = DEMO_STORIES[employer.name];
  if (!story) throw new Error(`demo history: no story for ${employer.name}`);
  return { ...story, daysAgo: day, consentDaysAgo: story.published ? day + 5 : null };
}
