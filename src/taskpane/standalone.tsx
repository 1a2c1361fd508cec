/**
 * Entry of the standalone page (app.html): the same wizard on a file chosen in the browser, for classes
 * without Microsoft 365. No office.js, nothing loaded from outside the page's own origin.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { Lang } from "../i18n/types";
import { App } from "./App";
import type { WorkbookPort } from "./ports/port";

/** The file port, loaded on demand: it pulls the .xlsx reader and writer. */
async function openFile(file: File): Promise<WorkbookPort> {
  const { openFilePort } = await import(/* webpackChunkName: "file-port" */ "./ports/filePort");
  return openFilePort(file);
}

const container = document.getElementById("root");
if (container) {
  const lang: Lang = navigator.language.toLowerCase().startsWith("en") ? "en" : "fr";
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App openFile={openFile} initialLang={lang} />
    </FluentProvider>,
  );
}
