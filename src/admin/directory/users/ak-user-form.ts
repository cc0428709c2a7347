import { msg, str } from "@lit/localize";
import { Task } from "@lit/task";
import { html, LitElement, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { ValidationError } from "../../../api/errors.ts";
import { absolutePath } from "../../../common/router/route-match.ts";
import { requestNavigation } from "../../../common/router/navigation-events.ts";
import "../../../elements/alert/ak-alert.ts";
import "../../../elements/code-editor/ak-code-editor.ts";
import "../../../elements/form/ak-checkbox-field.ts";
import "../../../elements/form/ak-radio-field.ts";
import "../../../elements/form/ak-text-field.ts";
import { FormController } from "../../../elements/form/form-controller.ts";
import { buttonStyles, focusRing } from "../../../elements/styles/shared.ts";
import { adminBase } from "../../routes.ts";
import { PageTitleEvent } from "../../page-title.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import { attributesToYaml, yamlToAttributes } from "../attributes.ts";
import { directoryStyles } from "../directory-styles.ts";
import { failedPage, loadingBody } from "../page-loading.ts";
import { createUser, loadUser, patchUser, type User, type UserRequest, type UserType } from "./user-api.ts";
import { userHref, userTypeLabel } from "./user-labels.ts";

/** The form's model: the API's UserRequest, with the attributes as the YAML being edited. */
type UserModel = Required<Omit<UserRequest, "attributes" | "groups" | "last_login">> & { attributes: string };

const fields = ["type", "username", "name", "email", "is_active", "path", "attributes"] as const;

const blank: UserModel = { type: "internal", username: "", name: "", email: "", is_active: true, path: "users", attributes: "" };

const modelOf = (user: User): UserModel => ({
  type: user.type ?? "internal",
  username: user.username,
  name: user.name,
  email: user.email ?? "",
  is_active: user.is_active ?? true,
  path: user.path ?? "users",
  attributes: attributesToYaml(user.attributes),
});

/** The request for a model, or a ValidationError on the attributes field when its YAML is not a mapping. */
function requestOf(model: UserModel): UserRequest {
  const attributes = yamlToAttributes(model.attributes);
  if (!attributes.ok) throw new ValidationError({ attributes: [attributes.error] }, []);
  return { ...model, attributes: attributes.value };
}

/**
 * Creates a user (a person, or a service account for software) or edits one (`userId`): type,
 * username, name, email, active, path and attributes (YAML, in the code editor). The server's
 * answer decides what is valid; its messages appear at their fields, and nothing typed is lost.
 */
@customElement("ak-user-form")
export class AkUserForm extends LitElement {
  static styles = [pageStyles, directoryStyles, buttonStyles, focusRing];

  /** The user to edit; none to create one. */
  @property({ type: Number }) userId?: number;

  readonly #form = new FormController<UserModel>(this, { initial: blank, fields });

  readonly #user = new Task(this, {
    task: async ([id], { signal }) => {
      if (id === undefined) return undefined;
      const user = await loadUser(id, signal);
      this.#form.load(modelOf(user));
      return user;
    },
    args: () => [this.userId] as const,
    onComplete: (user) => {
      if (user) this.dispatchEvent(new PageTitleEvent(msg(str`Edit ${user.username}`)));
    },
  });

  render() {
    if (this.userId === undefined) return this.#page(undefined);
    return this.#user.render({
      pending: () => html`${this.#header(msg("Edit user"))}${loadingBody()}`,
      complete: (user) => this.#page(user),
      error: (error) =>
        failedPage(error, () => this.#user.run(), { href: absolutePath("/core/users", adminBase), label: msg("Back to users") }),
    });
  }

  #header(title: string, user?: User) {
    return html`<header class="page-header">
      <p class="breadcrumb">
        <a href=${absolutePath("/core/users", adminBase)}>${msg("Users")}</a>${user ? html` › <a href=${userHref(user)}>${user.username}</a>` : nothing}
      </p>
      <h1>${title}</h1>
    </header>`;
  }

  #page(user: User | undefined) {
    const form = this.#form;
    const model = form.value;
    const creating = user === undefined;
    const types: UserType[] = creating ? ["internal", "service_account"] : ["internal", "external", "service_account"];
    if (!creating && !types.includes(model.type)) types.push(model.type);
    const cancel = creating ? absolutePath("/core/users", adminBase) : userHref(user);
    return html`${this.#header(creating ? msg("Create user") : msg(str`Edit ${user.username}`), user)}
      <div class="page-body">
        <form class="form" novalidate @submit=${this.#submit}>
          ${form.formErrors.length
            ? html`<ak-alert class="form-errors" variant="danger" tabindex="-1">
                <span slot="title">${msg("The user could not be saved.")}</span>
                ${form.formErrors.map((error) => html`<div>${error}</div>`)}
              </ak-alert>`
            : nothing}
          <ak-radio-field
            name="type"
            label=${msg("Type")}
            .value=${model.type}
            .options=${types.map((type) => ({ value: type, label: userTypeLabel(type), description: this.#typeDescription(type) }))}
            .errors=${form.errors("type")}
            @input=${form.bind("type")}
          ></ak-radio-field>
          <ak-text-field
            name="username"
            label=${msg("Username")}
            required
            autocomplete="off"
            .value=${model.username}
            .errors=${form.errors("username")}
            help=${msg("What the user signs in with. Letters, digits and @ . + - _ only.")}
            @input=${form.bind("username")}
          ></ak-text-field>
          <ak-text-field
            name="name"
            label=${msg("Name")}
            autocomplete="off"
            .value=${model.name}
            .errors=${form.errors("name")}
            help=${msg("The name shown to people, e.g. in the top bar.")}
            @input=${form.bind("name")}
          ></ak-text-field>
          <ak-text-field
            name="email"
            type="email"
            label=${msg("Email")}
            autocomplete="off"
            .value=${model.email}
            .errors=${form.errors("email")}
            @input=${form.bind("email")}
          ></ak-text-field>
          <ak-checkbox-field
            name="is_active"
            label=${msg("Active")}
            .checked=${model.is_active}
            .errors=${form.errors("is_active")}
            help=${msg("Inactive users cannot sign in. Deactivate instead of deleting to keep their history.")}
            @input=${form.bindChecked("is_active")}
          ></ak-checkbox-field>
          <ak-text-field
            name="path"
            label=${msg("Path")}
            autocomplete="off"
            .value=${model.path}
            .errors=${form.errors("path")}
            help=${msg("Where the user is filed, like a folder (e.g. users/contractors).")}
            @input=${form.bind("path")}
          ></ak-text-field>
          <ak-code-editor
            name="attributes"
            label=${msg("Attributes")}
            language="yaml"
            .value=${model.attributes}
            .errors=${form.errors("attributes")}
            help=${msg("Extra data about the user as YAML, available to policies and property mappings.")}
            @input=${form.bind("attributes")}
          ></ak-code-editor>
          <div class="form-actions">
            <button class="button primary" type="submit" ?disabled=${form.pending}>
              ${form.pending ? msg("Saving…") : creating ? msg("Create user") : msg("Save changes")}
            </button>
            <a class="button" href=${cancel}>${msg("Cancel")}</a>
          </div>
        </form>
      </div>`;
  }

  #typeDescription(type: UserType): string {
    switch (type) {
      case "internal":
        return msg("A person in your organisation. Can use the user interface.");
      case "external":
        return msg("A person from outside, e.g. a customer. Cannot use the user interface.");
      case "service_account":
        return msg("Software acting on its own behalf, e.g. with an API token. Cannot sign in interactively.");
      default:
        return msg("Managed by authentik itself (outposts).");
    }
  }

  #submit = async (event: Event) => {
    event.preventDefault();
    const userId = this.userId;
    const saved = await this.#form.submit((model) => (userId === undefined ? createUser(requestOf(model)) : patchUser(userId, requestOf(model))));
    if (saved) requestNavigation(userHref(saved));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-user-form": AkUserForm;
  }
}
