import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { Lang } from "../i18n/types";
import { App } from "./App";
import { createExcelPort } from "./ports/excelPort";
import type { WorkbookPort } from "./ports/port";

/** The standalone file port, loaded on demand: it pulls exceljs, which Excel never needs. */
async function openFile(file: File): Promise<WorkbookPort> {
  const { openFilePort } = await import(/* webpackChunkName: "file-port" */ "./ports/filePort");
  return openFilePort(file);
}

function mount(inExcel: boolean): void {
  const container = document.getElementById("root");
  if (!container) return;
  const display = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  const lang: Lang = display?.toLowerCase().startsWith("en") ? "en" : "fr";
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      {inExcel ? <App port={createExcelPort({ lang })} initialLang={lang} /> : <App openFile={openFile} initialLang={lang} />}
    </FluentProvider>,
  );
}

/** Starts the pane once Office says where it runs: outside Office, office.js resolves with host null. */
export function start(): void {
  if (typeof Office !== "undefined") {
    void Office.onReady((info) => mount(info.host !== null && info.host !== undefined));
  } else {
    mount(false);
  }
}

start();
