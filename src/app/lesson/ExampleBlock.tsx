import type { Example } from "../../lessons/types.ts";
import { paths } from "../routes.ts";
import { CodeTabs, type CodeTab } from "./CodeTabs.tsx";
import { BlockHeader } from "./BlockHeader.tsx";
import { LeaksBadge, OutcomeBadge } from "./OutcomeBadge.tsx";
import { withoutOutputComment } from "./output-comment.ts";
import "./code-block.css";

/**
 * An example as the article shows it: title, expected outcome, the TypeScript and its Go original,
 * the expected output. This is the one place an example is drawn, so the runnable playground can
 * take its place with the same props.
 */
export function ExampleBlock({ example }: { example: Example }) {
  const anchor = paths.exampleAnchor(example.id);
  const tabs: CodeTab[] = [
    { label: "TypeScript", code: example.code, html: example.output ? withoutOutputComment(example.code.html) : undefined },
  ];
  if (example.go) tabs.push({ label: "Go", code: example.go });
  return (
    <figure className="code-block" id={anchor} aria-labelledby={`${anchor}-title`}>
      <BlockHeader kind="Example" title={example.title} anchor={anchor}>
        <OutcomeBadge outcome={example.expect} />
        <LeaksBadge leaks={example.leaks} />
      </BlockHeader>
      <CodeTabs tabs={tabs} label={`${example.title}: language`} />
      {example.output && <ExpectedOutput lines={example.output} />}
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
