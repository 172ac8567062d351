import { useState } from "react";
import { encodeCode, shareUrl } from "../../sandbox/share-link.ts";

type ShareState = { kind: "none" } | { kind: "link"; url: string; copied: boolean } | { kind: "error"; message: string } | { kind: "copied-code" };

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Copy the code, or make a link that opens it on /play (without running it). */
export function ShareControls({ code }: { code: string }) {
  const [state, setState] = useState<ShareState>({ kind: "none" });
  const share = async () => {
    const encoded = await encodeCode(code);
    if (!encoded.ok) {
      setState({ kind: "error", message: encoded.message });
      return;
    }
    const url = shareUrl(window.location.origin, encoded.value);
    setState({ kind: "link", url, copied: await copyText(url) });
  };
  const copy = async () => {
    setState((await copyText(code)) ? { kind: "copied-code" } : { kind: "error", message: "Could not copy: the browser did not allow it. Select the code and copy it by hand." });
  };
  return (
    <div className="playground__share">
      <button type="button" className="button button--quiet" onClick={() => void copy()}>
        Copy
      </button>
      <button type="button" className="button button--quiet" onClick={() => void share()}>
        Share
      </button>
      <span className="playground__share-result" aria-live="polite">
        {state.kind === "copied-code" && "Code copied."}
        {state.kind === "error" && state.message}
        {state.kind === "link" && (
          <>
            {state.copied ? "Link copied: " : "Copy this link: "}
            <input className="playground__share-url" readOnly value={state.url} aria-label="Share link" onFocus={(e) => e.target.select()} />
          </>
        )}
      </span>
    </div>
  );
}
