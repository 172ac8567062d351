import type { Example } from "../../lessons/types.ts";
import { Playground, type PlaygroundProgram } from "../playground/Playground.tsx";
import { startingCode } from "../playground/source-text.ts";
import { paths } from "../routes.ts";
import { CodeTabs, type CodeTab } from "./CodeTabs.tsx";
import { BlockHeader } from "./BlockHeader.tsx";
import { LeaksBadge, OutcomeBadge } from "./OutcomeBadge.tsx";
import { withoutOutputComment } from "./output-comment.ts";
import "./code-block.css";

/** What the playground needs of an example. */
export function exampleProgram(example: Example): PlaygroundProgram {
  return {
    key: `example-${example.id}`,
    title: example.title,
    source: startingCode(example.code.source),
    html: example.output ? withoutOutputComment(example.code.html) : example.code.html,
    seed: example.seed,
    signals: (example.signals ?? []).map((s) => ({ at: s.atMs, name: s.signal })),
    live: example.live ?? false,
    explore: example.attrs.explore === "true",
    hunt: example.attrs.hunt === "true",
  };
}

/**
 * An example in the article: title, expected outcome, the TypeScript (a playground: edit and run
 * it) and its Go original, the expected output.
 */
export function ExampleBlock({ example }: { example: Example }) {
  const anchor = paths.exampleAnchor(example.id);
  const program = exampleProgram(example);
  return (
    <figure className="code-block" id={anchor} aria-labelledby={`${anchor}-title`}>
      <BlockHeader kind="Example" title={example.title} anchor={anchor}>
        <OutcomeBadge outcome={example.expect} />
        <LeaksBadge leaks={example.leaks} />
      </BlockHeader>
      <Playground
        program={program}
        renderCode={(editor) => {
          const tabs: CodeTab[] = [{ label: "TypeScript", code: example.code, content: editor }];
          if (example.go) tabs.push({ label: "Go", code: example.go });
          return <CodeTabs tabs={tabs} label={`${example.title}: language`} />;
        }}
      >
        {() => example.output && <ExpectedOutput lines={example.output} />}
      </Playground>
    </figure>
  );
}

function ExpectedOutput({ lines }: { lines: string[] }) {
  return (
    <details className="code-block__output">
      <summary>
        Expected output <span className="code-block__count">({lines.length === 1 ? "1 line" : `${lines.length} lines`})</span>
      </summary>
      <pre tabIndex={0}>
        <samp>{lines.join("\n")}</samp>
      </pre>
    </details>
  );
}
