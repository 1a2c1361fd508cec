import "@testing-library/jest-dom";

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own width to reflow.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!("ResizeObserver" in window)) Object.defineProperty(window, "ResizeObserver", { value: NoResizeObserver, configurable: true });

// Griffel's style rules pile up in <head> across tests and make every role query's getComputedStyle slower.
afterEach(() => {
  document.head.querySelectorAll("style").forEach((style) => style.remove());
});
