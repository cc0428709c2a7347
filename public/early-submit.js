// Runs as soon as it arrives, before the flow page's modules take over the server-rendered stage:
// remembers the forms the user submits meanwhile (their method="dialog" sends nothing), so the stage
// sends them once it has taken over (src/flow/stage-element.ts).
(() => {
  const submitted = (window.akEarlySubmissions = new WeakSet());
  const shadowRoots = () => {
    const top = document.querySelector("ak-flow-executor")?.shadowRoot;
    if (!top) return [];
    return [top, ...[...top.querySelectorAll("*")].flatMap((element) => (element.shadowRoot ? [element.shadowRoot] : []))];
  };
  const listen = () => {
    for (const root of shadowRoots()) root.addEventListener("submit", (event) => submitted.add(event.target), true);
  };
  if (document.readyState === "loading") document.addEventListener("readystatechange", listen, { once: true });
  else listen();
})();
