// Runs in the page before its own scripts (plain JS: a function from a tsx-compiled module would
// carry esbuild's helpers into the page). On every animation frame, that is whenever the page could
// be painted, it checks whether focus is in a visible, enabled username input, looking through
// shadow roots, and reports the first time it is on the console: waiting for a console message puts
// no script of the test tool's into the page being measured, as polling with page.waitForFunction does.
(() => {
  const focused = () => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element;
  };
  const usable = () => {
    const input = focused();
    if (!(input instanceof HTMLInputElement) || input.autocomplete !== "username" || input.disabled) return false;
    const box = input.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && input.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const onFrame = () => {
    if (usable()) console.debug("ak-bench-usable", performance.now());
    else requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
})();
