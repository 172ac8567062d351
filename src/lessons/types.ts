// The lesson model: what the build makes of `lessons/*.md` (DESIGN §6) and what the app renders.
// It is plain data (JSON-serialisable) so the Vite plugin can emit it as a module.
// One document is both an article and a deck: the article is every slide's parts in order.

export type Outcome = "ok" | "deadlock" | "panic" | "limit" | "signal" | "stopped";

export interface LessonMeta {
  slug: string;
  title: string;
  order: number;
  summary: string;
  minutes: number;
  /** Path relative to the repo, e.g. "lessons/lifecycle.md", for error messages and "edit this page". */
  file: string;
  /** Ids of the runnable examples, in document order (for the /play picker). */
  exampleIds: string[];
  exerciseIds: string[];
  slideCount: number;
}

export interface Heading {
  id: string;
  text: string;
  depth: 1 | 2 | 3 | 4;
}

/** A code block shown as it is: source text plus build-time highlighted HTML (no highlighter ships). */
export interface CodeView {
  source: string;
  html: string;
  lang: string;
  /** 1-based line of the opening fence in the .md file. */
  line: number;
  /**
   * `slide-lines="8-31"`: the lines (1-based, as the editor numbers them) a slide shows of this
   * code; the others fold into one line each there. Absent: the slide shows every line. The
   * article and every run always use the whole program.
   */
  slideLines?: LineRange[];
}

/** Lines `from` to `to` of a code block, both included, counted from 1. */
export interface LineRange {
  from: number;
  to: number;
}

/** A signal the runner delivers at a virtual time: `signals="SIGTERM@1200"`. */
export interface Signal {
  signal: string;
  atMs: number;
}

export interface Example {
  id: string;
  title: string;
  /** TypeScript on chanscope; the trailing `// Output:` comment is kept in the source. */
  code: CodeView;
  /** The Go original shown as a second tab, when the document puts a ```go block right beside it. */
  go?: CodeView;
  seed: number;
  expect: Outcome;
  leaks: number;
  /** Lines of the `// Output:` comment; undefined when the example declares no output. */
  output?: string[];
  /** Any other attributes the fence carried that the format allows (e.g. paced, signals). */
  attrs: Record<string, string>;
  /** `signals=` parsed; absent when the fence has none. */
  signals?: Signal[];
  /** `live=true`: the playground starts in paced mode. */
  live?: boolean;
}

export type Goal =
  | { kind: "outcome"; value: Outcome; text: string }
  | { kind: "leaks"; value: number; text: string }
  | { kind: "maxVirtualMs"; value: number; text: string }
  | { kind: "prints"; value: string; text: string };

export interface Exercise {
  id: string;
  title: string;
  code: CodeView;
  go?: CodeView;
  seed: number;
  goals: Goal[];
  /** HTML, in order: shown one at a time on request. */
  hints: string[];
  solution?: CodeView;
  attrs: Record<string, string>;
  signals?: Signal[];
  live?: boolean;
}

export type LessonPart =
  | { kind: "html"; html: string }
  | { kind: "example"; example: Example }
  | { kind: "exercise"; exercise: Exercise };

export interface Slide {
  /** 1-based, as in /lessons/<slug>/slides/<n>. */
  number: number;
  /** The slide's first heading, for the overview and the presenter. */
  title: string;
  parts: LessonPart[];
  /** Speaker notes rendered to HTML; "" when the slide has none. */
  notesHtml: string;
  /** Id of the first heading on the slide, so the article and the deck can map to each other. */
  anchor?: string;
}

export interface Lesson extends LessonMeta {
  headings: Heading[];
  slides: Slide[];
}
