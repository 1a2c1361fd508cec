import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";

function renderApp(inExcel: boolean) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App inExcel={inExcel} />
    </FluentProvider>,
  );
}

describe("App", () => {
  it("App shows the French title and the ABC function by default", () => {
    renderApp(true);
    expect(screen.getByRole("heading", { level: 1, name: "PAC Commercial" })).toBeInTheDocument();
    expect(screen.getByText("Classeur Excel connecté.")).toBeInTheDocument();
    expect(screen.getByText(/Classe A, B ou C/)).toBeInTheDocument();
  });

  it("App switches to English from the language radio group", async () => {
    renderApp(false);
    await userEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(screen.getByText("Browser mode: open an .xlsx or .csv workbook to start.")).toBeInTheDocument();
  });
});
