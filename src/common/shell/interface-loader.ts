import { ContextProvider } from "@lit/context";
import { msg } from "@lit/localize";
import { Task } from "@lit/task";
import { css, html, type ReactiveControllerHost, type TemplateResult } from "lit";
import { errorMessage } from "../error-message.ts";
import { brandContext } from "../brand.ts";
import { loadInterfaceData, type InterfaceData } from "../interface-data.ts";
import { sessionContext, signInUrl } from "../session.ts";
import "../../elements/empty-state/ak-empty-state.ts";
import { retryIcon } from "../../elements/icons/icons.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../../elements/styles/shared.ts";

type Host = ReactiveControllerHost & HTMLElement;

/** An interface root's own styles: its host's, and those its loading and failed states rely on. */
export const interfaceRootStyles = [
  visuallyHidden,
  buttonStyles,
  focusRing,
  css`
    :host {
      display: block;
      min-height: 100vh;
    }
    .centered {
      display: grid;
      place-items: center;
      min-height: 100vh;
    }
  `,
];

/**
 * What the user and admin interfaces' roots share: loading the session and brand, providing them
 * as contexts to every element below, and the failed and signed-out states.
 */
export class InterfaceLoader {
  readonly #session: ContextProvider<typeof sessionContext>;
  readonly #brand: ContextProvider<typeof brandContext>;
  readonly #task: Task<[], InterfaceData>;

  constructor(
    host: Host,
    readonly failedHeading: () => string,
  ) {
    this.#session = new ContextProvider(host, { context: sessionContext });
    this.#brand = new ContextProvider(host, { context: brandContext });
    this.#task = new Task(host, {
      task: async (_args, { signal }) => {
        const data = await loadInterfaceData(signal);
        this.#session.setValue(data.session ?? undefined);
        this.#brand.setValue(data.brand);
        return data;
      },
      args: () => [],
    });
  }

  get value(): InterfaceData | undefined {
    return this.#task.value;
  }

  /** `loading` while loading; `signedIn` once someone is signed in; otherwise the failed or signed-out state. */
  render(loading: () => TemplateResult, signedIn: (data: InterfaceData & { session: NonNullable<InterfaceData["session"]> }) => unknown) {
    return this.#task.render({
      initial: loading,
      pending: loading,
      error: (err) =>
        html`<main class="centered">
          <ak-empty-state icon="alert" variant="danger">
            <h1 slot="heading">${this.failedHeading()}</h1>
            <p>${errorMessage(err)}</p>
            <button slot="actions" class="button primary" type="button" @click=${() => this.#task.run()}>
              ${retryIcon}${msg("Try again")}
            </button>
          </ak-empty-state>
        </main>`,
      complete: (data) => {
        const { session } = data;
        if (session) return signedIn({ ...data, session });
        return html`<main class="centered">
          <p role="status">
            ${msg("You are not signed in.")}
            <a href=${signInUrl(window.location.pathname + window.location.search)}>${msg("Sign in to continue")}</a>
          </p>
        </main>`;
      },
    });
  }
}
