// An example's trailing `// Output:` comment is its expected console output (as in a Go example
// test). The static view shows that output in its own collapsible box, so it drops the comment
// from the highlighted code. Highlighted HTML (Shiki) puts one source line per text line inside
// <code>; if the HTML does not look like that, it is returned unchanged: better shown twice than lost.

const outputMarker = /^\s*\/\/\s*Output:\s*$/;
const commentLine = /^\s*(\/\/.*)?$/;

function textOf(htmlLine: string): string {
  return htmlLine
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The highlighted code without its trailing `// Output:` block (and the blank lines before it). */
export function withoutOutputComment(html: string): string {
  const end = html.lastIndexOf("</code>");
  if (end < 0) return html;
  const lines = html.slice(0, end).split("\n");
  let marker = -1;
  for (let i = lines.length - 1; i > 0; i--) {
    const text = textOf(lines[i]);
    if (outputMarker.test(text)) {
      marker = i;
      break;
    }
    if (!commentLine.test(text)) return html; // code after the comment: not a trailing block
  }
  if (marker < 0) return html;
  let keep = marker;
  while (keep > 1 && textOf(lines[keep - 1]).trim() === "") keep--;
  return lines.slice(0, keep).join("\n") + html.slice(end);
}
