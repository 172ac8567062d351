import type { GoalCheck } from "../../sandbox/expectations.ts";

/** An exercise's goals after a run: each met or not, with what the run did. */
export function GoalList({ checks }: { checks: GoalCheck[] }) {
  const met = checks.filter((c) => c.passed).length;
  return (
    <div className="playground__goals">
      <p className="playground__goals-title">
        {met === checks.length ? "All goals met. Well done." : `${met} of ${checks.length} goals met`}
      </p>
      <ul>
        {checks.map((c) => (
          <li key={c.goal.kind + c.goal.text} className={c.passed ? "playground__goal--met" : "playground__goal--open"}>
            <span className="playground__goal-mark">{c.passed ? "✓ Met:" : "✗ Not yet:"}</span> {c.goal.text}
            {!c.passed && <span className="playground__goal-actual"> (this run {c.actual})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
