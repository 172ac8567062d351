// `/play`: one playground with a picker over every example and exercise of the course, and the
// page a share link opens (`/play#code=…`). Shared code is shown, never run, until the user
// presses Run; a damaged, cut-off or oversized link says so and offers the picker instead.

import { useEffect, useId, useMemo, useState } from "react";
import { lessons, loadLesson } from "virtual:lessons";
import type { Lesson } from "../../lessons/types.ts";
import { codeParam, decodeCode } from "../../sandbox/share-link.ts";
import { PageHeading } from "../a11y/PageHeading.tsx";
import { useDocumentTitle } from "../a11y/useDocumentTitle.ts";
import { exampleProgram } from "../lesson/ExampleBlock.tsx";
import { exerciseProgram } from "../lesson/ExerciseBlock.tsx";
import { LoadFailed, PageLoading } from "../pages/PageStatus.tsx";
import { Playground, type PlaygroundProgram } from "./Playground.tsx";
import "./play-page.css";

const BLANK: PlaygroundProgram = {
  key: "play-blank",
  title: "A new program",
  source: `import { go, chan } from "chanscope";

export default async function main() {
  const greetings = chan<string>();
  go("greeter", async () => {
    await greetings.send("hello from a task");
  });
  console.log(await greetings.recv());
}`,
  seed: 1,
  signals: [],
  live: false,
};

interface Choice {
  id: string;
  label: string;
  program: PlaygroundProgram;
}

interface ChoiceGroup {
  label: string;
  choices: Choice[];
}

function groupsOf(all: Lesson[]): ChoiceGroup[] {
  return all.map((lesson) => ({
    label: lesson.title,
    choices: lesson.slides
      .flatMap((s) => s.parts)
      .flatMap((part): Choice[] => {
        if (part.kind === "example") return [{ id: `example-${part.example.id}`, label: part.example.title, program: exampleProgram(part.example) }];
        if (part.kind === "exercise") return [{ id: `exercise-${part.exercise.id}`, label: `Exercise: ${part.exercise.title}`, program: exerciseProgram(part.exercise) }];
        return [];
      }),
  }));
}

/** A short stable name for a shared program, so its edits are saved apart from other links'. */
function hashKey(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

type Shared = { kind: "none" } | { kind: "loading" } | { kind: "ok"; program: PlaygroundProgram } | { kind: "error"; message: string };

function useSharedProgram(): Shared {
  const [shared, setShared] = useState<Shared>(() => (codeParam(window.location.hash) === undefined ? { kind: "none" } : { kind: "loading" }));
  useEffect(() => {
    let current = true;
    const read = () => {
      const value = codeParam(window.location.hash);
      if (value === undefined) {
        setShared({ kind: "none" });
        return;
      }
      setShared({ kind: "loading" });
      void decodeCode(value).then((r) => {
        if (!current) return;
        setShared(
          r.ok
            ? { kind: "ok", program: { key: `shared-${hashKey(value)}`, title: "Shared program", source: r.code, seed: 1, signals: [], live: false } }
            : { kind: "error", message: r.message },
        );
      });
    };
    read();
    window.addEventListener("hashchange", read);
    return () => {
      current = false;
      window.removeEventListener("hashchange", read);
    };
  }, []);
  return shared;
}

type Loaded = { status: "loading" } | { status: "ready"; groups: ChoiceGroup[] } | { status: "failed"; message: string };

export default function PlayPage() {
  useDocumentTitle("Playground");
  const pickerId = useId();
  const shared = useSharedProgram();
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [picked, setPicked] = useState<string | undefined>(undefined);

  useEffect(() => {
    let current = true;
    Promise.all(lessons.map((l) => loadLesson(l.slug))).then(
      (all) => current && setLoaded({ status: "ready", groups: groupsOf(all.filter((l): l is Lesson => l !== undefined)) }),
      (error: unknown) => current && setLoaded({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, []);

  const choices = useMemo(() => (loaded.status === "ready" ? loaded.groups.flatMap((g) => g.choices) : []), [loaded]);
  const fromLink = shared.kind === "ok" ? shared.program : undefined;
  const selectedId = picked ?? (fromLink ? "shared" : (choices[0]?.id ?? "blank"));
  const program = selectedId === "shared" && fromLink ? fromLink : selectedId === "blank" ? BLANK : (choices.find((c) => c.id === selectedId)?.program ?? BLANK);

  if (loaded.status === "loading" || shared.kind === "loading") return <PageLoading what="the playground" />;
  if (loaded.status === "failed") return <LoadFailed what="the examples" message={loaded.message} />;

  return (
    <div className="play-page">
      <PageHeading>Playground</PageHeading>
      <p className="play-page__lead">Pick any example or exercise of the course, or start from a blank program. Edits are kept in this browser.</p>
      {shared.kind === "error" && (
        <p className="play-page__problem" role="alert">
          {shared.message}
        </p>
      )}
      {fromLink && selectedId === "shared" && (
        <p className="play-page__note">This program came from a share link. Read it first: it runs only when you press Run, inside the sandbox.</p>
      )}
      <div className="play-page__picker">
        <label htmlFor={pickerId}>Program</label>
        <select id={pickerId} value={selectedId} onChange={(e) => setPicked(e.target.value)}>
          {fromLink && <option value="shared">Shared program (from the link)</option>}
          <option value="blank">A new program</option>
          {loaded.groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <section className="play-page__playground code-block" aria-label={program.title}>
        <Playground key={program.key} program={program} />
      </section>
    </div>
  );
}
