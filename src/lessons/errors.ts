// What a malformed lesson document reports: where (file and 1-based line) and what is wrong,
// as one line `lessons/x.md:42: sentence`. The build prints these lines and nothing else.

export interface LessonProblem {
  /** Path as the author knows it, e.g. "lessons/leaks.md". */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** One sentence: what is wrong and, where it helps, what to do. */
  message: string;
}

export function formatProblem(p: LessonProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/**
 * Thrown by parseLesson/loadLessons. `file`, `line` and `message` are the first problem;
 * `problems` holds every problem found (sorted by file and line), so one build run reports them all.
 */
export class LessonError extends Error implements LessonProblem {
  readonly file: string;
  readonly line: number;
  readonly problems: readonly LessonProblem[];

  constructor(problems: readonly LessonProblem[]) {
    if (problems.length === 0) throw new RangeError("LessonError needs at least one problem");
    const sorted = [...problems].sort(compareProblems);
    super(sorted[0].message);
    this.name = "LessonError";
    this.file = sorted[0].file;
    this.line = sorted[0].line;
    this.problems = sorted;
  }

  /** One `file:line: message` line per problem. */
  override toString(): string {
    return this.problems.map(formatProblem).join("\n");
  }
}

function compareProblems(a: LessonProblem, b: LessonProblem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

/** Collects problems while a document is read; `throwIfAny` ends the read with all of them. */
export class ProblemList {
  readonly items: LessonProblem[] = [];
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  add(line: number, message: string): void {
    this.items.push({ file: this.file, line, message });
  }

  throwIfAny(): void {
    if (this.items.length > 0) throw new LessonError(this.items);
  }
}
