import type { ReactNode } from "react";
import { Footer } from "./Footer.tsx";
import { Header } from "./Header.tsx";
import "./layout.css";

export const mainId = "main";

/** Skip link, header, the page in <main>, footer. Slides use `bare`: the slide is the page. */
export function Layout({ children, bare = false }: { children: ReactNode; bare?: boolean }) {
  return (
    <>
      <a className="skip-link" href={`#${mainId}`}>
        Skip to content
      </a>
      {!bare && <Header />}
      <main id={mainId} tabIndex={-1} className={bare ? "site-main site-main--bare" : "site-main"}>
        {children}
      </main>
      {!bare && <Footer />}
    </>
  );
}
