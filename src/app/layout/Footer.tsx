import { Link } from "wouter";
import { paths } from "../routes.ts";

export function Footer() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          <strong>Chanscope</strong> — Go-style concurrency, explained with code that behaves like Go.
        </p>
        <p className="site-footer__links">
          <Link href={paths.home()}>Course</Link>
          <Link href={paths.play()}>Playground</Link>
          <span>
            On a lesson page, press <kbd>?</kbd> for keyboard shortcuts.
          </span>
        </p>
      </div>
    </footer>
  );
}
