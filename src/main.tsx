import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import "./app/styles/tokens.css";
import "./app/styles/base.css";
import "./lessons/code-theme.css";

const root = document.getElementById("root");
if (!root) throw new Error('index.html has no <div id="root">: the app has nowhere to render.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
