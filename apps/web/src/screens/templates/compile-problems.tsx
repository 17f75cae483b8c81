import { SOURCE_LABELS, type SourceField } from './template-model';
import type { SourceProblem } from './template-source';

/**
 * A template's problems by line; each line number jumps to (and selects) that line in its field.
 * `urgent` (a failed save) interrupts a screen reader; otherwise (the live preview, which changes
 * while the user types) the problems are announced politely.
 */
export function CompileProblems({
  title,
  problems,
  onJump,
  urgent = false,
}: {
  title: string;
  problems: readonly SourceProblem[];
  onJump: (field: SourceField, line: number) => void;
  urgent?: boolean;
}) {
  return (
    <div className="alert error compile-problems" role={urgent ? 'alert' : 'status'}>
      <p>
        <strong>{title}</strong>
      </p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.field ? (
              <button
                type="button"
                className="link line-link"
                onClick={() => onJump(problem.field!, problem.line)}
                title="Naar deze regel"
              >
                Regel {problem.line}
              </button>
            ) : (
              <>Regel {problem.line}</>
            )}
            : {problem.problem}
            {problem.field && <span className="muted"> ({SOURCE_LABELS[problem.field]})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
