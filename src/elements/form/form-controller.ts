import { msg } from "@lit/localize";
import type { LitElement, ReactiveController } from "lit";
import { ValidationError } from "../../api/errors.ts";
import { errorMessage } from "../../common/error-message.ts";
import { beforeNavigateEvent } from "../../common/router/navigation-events.ts";
import { firstErrorField, noErrors, sortErrors, type FormErrors } from "./form-errors.ts";
import { sameValue } from "./same-value.ts";

type Host = LitElement;

export interface FormOptions<T> {
  /** The model to start from (a request type from the API schema). */
  readonly initial: T;
  /** The fields the form shows, in order; each field element carries `name` set to one of them. */
  readonly fields: readonly (keyof T & string)[];
}

/**
 * A form's state as a reactive controller: a typed model object (never read back from the DOM),
 * whether it differs from what was loaded, whether a save is running, and the errors of the last
 * save. A 400 `ValidationError` puts each message on its field and the rest above the form; any
 * other failure is one message above the form; focus goes to the first field in error (or the
 * message). The model is never touched by a failure, so what the user typed survives. While there
 * are unsaved changes, leaving the page (reload, closing the tab, or a link inside the app) asks
 * first.
 */
export class FormController<T extends object> implements ReactiveController {
  readonly #host: Host;
  readonly #fields: readonly string[];
  #initial: T;
  #value: T;
  #errors: FormErrors = noErrors;
  #pending = false;

  constructor(host: Host, options: FormOptions<T>) {
    this.#host = host;
    this.#fields = options.fields;
    this.#initial = options.initial;
    this.#value = options.initial;
    host.addController(this);
  }

  get value(): T {
    return this.#value;
  }

  /** Whether the model differs from what was loaded or last saved. */
  get dirty(): boolean {
    return !sameValue(this.#initial, this.#value);
  }

  get pending(): boolean {
    return this.#pending;
  }

  /** The messages above the form. */
  get formErrors(): readonly string[] {
    return this.#errors.form;
  }

  /** A field's messages from the last save. */
  errors(field: keyof T & string): readonly string[] {
    return this.#errors.fields[field] ?? [];
  }

  /** Changes one field; its message goes, since it may no longer apply. */
  set<K extends keyof T>(field: K, value: T[K]): void {
    this.#value = { ...this.#value, [field]: value };
    if (this.#errors.fields[field as string]) {
      const { [field as string]: _gone, ...rest } = this.#errors.fields;
      this.#errors = { ...this.#errors, fields: rest };
    }
    this.#host.requestUpdate();
  }

  /** An `input` listener that copies the field element's `value` into the model. */
  bind<K extends keyof T & string>(field: K): (event: Event) => void {
    return (event) => this.set(field, (event.target as unknown as { value: T[K] }).value);
  }

  /** An `input` listener that copies a checkbox field's `checked` into the model. */
  bindChecked<K extends keyof T & string>(field: K): (event: Event) => void {
    return (event) => this.set(field, (event.target as unknown as { checked: T[K] }).checked);
  }

  /** Starts over from `value` (e.g. once the object to edit has loaded): not dirty, no errors. */
  load(value: T): void {
    this.#initial = value;
    this.#value = value;
    this.#errors = noErrors;
    this.#host.requestUpdate();
  }

  /**
   * Saves the model with `save` unless a save is already running. Resolves with its result, or
   * `undefined` when it failed (the errors are then shown). After success the model counts as saved.
   */
  async submit<R>(save: (value: T) => Promise<R>): Promise<R | undefined> {
    if (this.#pending) return undefined;
    this.#pending = true;
    this.#errors = noErrors;
    this.#host.requestUpdate();
    const value = this.#value;
    try {
      const result = await save(value);
      this.#initial = value;
      return result;
    } catch (error) {
      this.#errors =
        error instanceof ValidationError ? sortErrors(error.fields, error.nonFieldErrors, this.#fields) : { fields: {}, form: [errorMessage(error)] };
      void this.#focusFirstError();
      return undefined;
    } finally {
      this.#pending = false;
      this.#host.requestUpdate();
    }
  }

  async #focusFirstError(): Promise<void> {
    // Asked for here, so the wait is for the render that shows the errors, not one already done.
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const root = this.#host.renderRoot;
    const field = firstErrorField(this.#errors, this.#fields);
    const target = field ? root.querySelector<HTMLElement>(`[name="${field}"]`) : root.querySelector<HTMLElement>("ak-alert.form-errors");
    target?.focus();
  }

  hostConnected(): void {
    window.addEventListener("beforeunload", this.#onBeforeUnload);
    window.addEventListener(beforeNavigateEvent, this.#onBeforeNavigate);
  }

  hostDisconnected(): void {
    window.removeEventListener("beforeunload", this.#onBeforeUnload);
    window.removeEventListener(beforeNavigateEvent, this.#onBeforeNavigate);
  }

  #onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.dirty) return;
    event.preventDefault();
    event.returnValue = "";
  };

  #onBeforeNavigate = (event: Event) => {
    if (this.dirty && !window.confirm(msg("You have unsaved changes. Leave this page and lose them?"))) event.preventDefault();
  };
}
