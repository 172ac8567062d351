import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

function Placeholder() {
  return <main><h1>Chanscope</h1></main>;
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Placeholder />
  </StrictMode>,
);
