import { Link, useLocation } from "wouter";
import { parseRoute, paths } from "../routes.ts";
import { ThemeSwitch } from "../theme/ThemeSwitch.tsx";
import { Logo } from "./Logo.tsx";

/** Site name (home link), the two sections, and the theme switch. */
export function Header() {
  const [location] = useLocation();
  const page = parseRoute(location).page;
  const section = page === "play" ? "play" : page === "home" || page === "lesson" ? "course" : undefined;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href={paths.home()} className="brand">
          <Logo />
          <span className="brand__name visually-hidden-narrow">Chanscope</span>
        </Link>
        <nav className="site-nav" aria-label="Main">
          <ul>
            <li>
              <Link href={paths.home()} aria-current={section === "course" ? "page" : undefined}>
                Course
              </Link>
            </li>
            <li>
              <Link href={paths.play()} aria-current={section === "play" ? "page" : undefined}>
                Playground
              </Link>
            </li>
          </ul>
        </nav>
        <ThemeSwitch />
      </div>
    </header>
  );
}
