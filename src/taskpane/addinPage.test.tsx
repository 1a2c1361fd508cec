import { act, screen } from "@testing-library/react";
import { startAddinPage, type AddinPageOptions, type OfficeLike } from "./addinPage";

// The Office.js layer replaced by a recorder: only what the wizard asks first.
jest.mock("../excel", () => ({
  listSheets: jest.fn().mockResolvedValue([{ name: "Clients", visible: true, active: true }]),
  readSheetTable: jest.fn().mockResolvedValue({ sheetName: "Clients", address: "A1:A1", firstRowNumber: 1, firstColumnNumber: 1, rows: [["Client"]], syncs: 1 }),
  applyWorkbookPlan: jest.fn(),
  prepareForSharing: jest.fn(),
  restoreFormulas: jest.fn(),
}));

function container(): HTMLElement {
  document.body.innerHTML = "";
  const div = document.createElement("div");
  document.body.appendChild(div);
  return div;
}

const office = (host: unknown, displayLanguage = "fr-FR"): OfficeLike => ({
  onReady: () => Promise.resolve({ host }),
  context: { displayLanguage },
});

describe("startAddinPage (taskpane.html)", () => {
  afterEach(() => jest.useRealTimers());

  it.each([
    {
      name: "office.js did not load (CDN unreachable)",
      options: { office: undefined, browserLanguage: "fr-FR" } as Partial<AddinPageOptions>,
      state: "officeMissing",
      title: "La bibliothèque office.js de Microsoft n'a pas pu être chargée",
      body: /appsforoffice\.microsoft\.com\. Ce site n'a pas répondu/,
    },
    {
      name: "office.js did not load, an English browser",
      options: { office: undefined, browserLanguage: "en-GB" },
      state: "officeMissing",
      title: "Microsoft's office.js library could not be loaded",
      body: /Check access to appsforoffice\.microsoft\.com/,
    },
    {
      name: "a stray object named Office without onReady",
      options: { office: {} as OfficeLike, browserLanguage: "fr-FR" },
      state: "officeMissing",
      title: "La bibliothèque office.js de Microsoft n'a pas pu être chargée",
      body: /pare-feu/,
    },
    {
      name: "the page opened in a browser (host null)",
      options: { office: office(null), browserLanguage: "fr-FR" },
      state: "outsideOffice",
      title: "Cette page est celle du complément Excel",
      body: /ne fonctionne que dans Excel/,
    },
    {
      name: "Office.onReady rejects",
      options: { office: { onReady: () => Promise.reject(new Error("boom")) }, browserLanguage: "fr-FR" },
      state: "officeSilent",
      title: "Excel ne répond pas au complément",
      body: /après 20 secondes/,
    },
  ])("$name: shows « $title » and a link to app.html", async ({ options, state, title, body }) => {
    const root = container();
    let shown = "";
    await act(async () => {
      shown = await startAddinPage({ container: root, ...options });
    });
    expect(shown).toBe(state);
    expect(await screen.findByText(title)).toBeInTheDocument();
    expect(root.textContent).toMatch(body);
    const link = screen.getByRole("link");
    expect(link).toHaveAttribute("href", "app.html");
  });

  it("Office.onReady that never resolves: says Excel does not answer after the timeout", async () => {
    jest.useFakeTimers();
    const root = container();
    const never: OfficeLike = { onReady: () => new Promise(() => undefined) };
    const started = startAddinPage({ container: root, office: never, timeoutMs: 5_000, browserLanguage: "fr-FR" });
    await act(async () => {
      jest.advanceTimersByTime(4_999);
    });
    expect(root.textContent).toBe("");
    await act(async () => {
      jest.advanceTimersByTime(1);
      await started;
    });
    await expect(started).resolves.toBe("officeSilent");
    expect(root.textContent).toContain("Excel ne répond pas au complément");
    expect(root.textContent).toContain("n'a pas signalé qu'il était prêt après 5 secondes");
  });

  it.each([
    { displayLanguage: "fr-FR", heading: "PAC Commercial", subtitle: "Des clients aux cibles" },
    { displayLanguage: "en-US", heading: "PAC Commercial", subtitle: "" },
  ])("in Excel ($displayLanguage): starts the wizard on the workbook, no message", async ({ displayLanguage, heading, subtitle }) => {
    const root = container();
    let shown = "";
    await act(async () => {
      shown = await startAddinPage({ container: root, office: office("Excel", displayLanguage) });
    });
    expect(shown).toBe("excel");
    expect(await screen.findByRole("heading", { name: heading, level: 1 })).toBeInTheDocument();
    if (subtitle) expect(root.textContent).toContain(subtitle);
    expect(screen.queryByRole("link", { name: /navigateur|browser/ })).toBeNull();
    expect(root.querySelector("main")).toHaveAttribute("lang", displayLanguage.slice(0, 2));
  });

  it.each([
    { name: "Office's Black theme (isDarkTheme)", officeTheme: { isDarkTheme: true, bodyBackgroundColor: "#262626" }, dark: true },
    { name: "Office's Colorful theme", officeTheme: { isDarkTheme: false, bodyBackgroundColor: "#FFFFFF" }, dark: false },
    { name: "an older host without isDarkTheme, dark background", officeTheme: { bodyBackgroundColor: "#1F1F1F" }, dark: true },
    { name: "no officeTheme at all", officeTheme: undefined, dark: false },
  ])("in Excel with $name: the wizard takes Fluent's matching theme", async ({ officeTheme, dark }) => {
    const root = container();
    const withTheme: OfficeLike = { onReady: () => Promise.resolve({ host: "Excel" }), context: { displayLanguage: "fr-FR", ...(officeTheme ? { officeTheme } : {}) } };
    await act(async () => {
      await startAddinPage({ container: root, office: withTheme });
    });
    await screen.findByRole("heading", { name: "PAC Commercial", level: 1 });
    // FluentProvider writes the theme's tokens as CSS variables on its root: the dark theme's background is #292929.
    const css = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join("\n");
    const background = /--colorNeutralBackground1:\s*(#[0-9a-fA-F]{6})/.exec(css)?.[1]?.toLowerCase();
    expect(background).toBe(dark ? "#292929" : "#ffffff");
  });
});
