import { msg, str } from "@lit/localize";
import { html, LitElement } from "lit";
import { customElement, property } from "lit/decorators.js";
import "../../../elements/form/ak-checkbox-field.ts";
import "../../../elements/form/ak-radio-field.ts";
import "../../../elements/form/ak-text-field.ts";
import { FormController } from "../../../elements/form/form-controller.ts";
import { buttonStyles, focusRing } from "../../../elements/styles/shared.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import { attributesRequest, attributesToYaml } from "../attributes.ts";
import { attributesField, formHeader, formPage } from "../directory-form.ts";
import { DirectoryObject } from "../directory-object.ts";
import { directoryStyles } from "../directory-styles.ts";
import { loadingBody } from "../page-loading.ts";
import { createUser, loadUser, patchUser, type User, type UserRequest, type UserType } from "./user-api.ts";
import { userHref, usersHref, userTypeLabel } from "./user-labels.ts";

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

const requestOf = (model: UserModel): UserRequest => ({ ...model, attributes: attributesRequest(model.attributes) });

const usersLink = () => ({ href: usersHref(), label: msg("Users") });

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

  readonly #user = new DirectoryObject(this, {
    id: () => this.userId,
    load: (id: number, signal) => loadUser(id, signal),
    loaded: (user) => this.#form.load(modelOf(user)),
    title: (user) => msg(str`Edit ${user.username}`),
    back: () => ({ href: usersHref(), label: msg("Back to users") }),
  });

  render() {
    if (this.userId === undefined) return this.#page(undefined);
    return this.#user.render(
      (user) => this.#page(user),
      () => html`${formHeader(msg("Edit user"), usersLink())}${loadingBody()}`,
    );
  }

  #page(user: User | undefined) {
    const form = this.#form;
    const model = form.value;
    const userId = this.userId;
    const types: UserType[] = user ? ["internal", "external", "service_account"] : ["internal", "service_account"];
    if (user && !types.includes(model.type)) types.push(model.type);
    return formPage(
      {
        form,
        editing: user,
        list: usersLink(),
        create: msg("Create user"),
        name: ({ username }) => username,
        href: userHref,
        failed: msg("The user could not be saved."),
        save: (model) => (userId === undefined ? createUser(requestOf(model)) : patchUser(userId, requestOf(model))),
      },
      html`<ak-radio-field
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
        ${attributesField(form, msg("Extra data about the user as YAML, available to policies and property mappings."))}`,
    );
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
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-user-form": AkUserForm;
  }
}
