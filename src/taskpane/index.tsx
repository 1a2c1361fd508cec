import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";

function mount(inExcel: boolean): void {
  const container = document.getElementById("root");
  if (!container) return;
  const lang = (typeof Office !== "undefined" && Office.context?.displayLanguage?.startsWith("en")) ? "en" : "fr";
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App inExcel={inExcel} initialLang={lang} />
    </FluentProvider>,
  );
}

// Outside Office (standalone browser mode) office.js still loads and onReady resolves with host null.
if (typeof Office !== "undefined") {
  void Office.onReady((info) => mount(info.host !== null && info.host !== undefined));
} else {
  mount(false);
}
