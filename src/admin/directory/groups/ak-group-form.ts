import { msg, str } from "@lit/localize";
import { Task } from "@lit/task";
import { html, LitElement, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { ValidationError } from "../../../api/errors.ts";
import { requestNavigation } from "../../../common/router/navigation-events.ts";
import "../../../elements/alert/ak-alert.ts";
import "../../../elements/code-editor/ak-code-editor.ts";
import "../../../elements/dual-select/ak-dual-select.ts";
import type { AkDualSelect, DualSelectOption } from "../../../elements/dual-select/ak-dual-select.ts";
import "../../../elements/form/ak-checkbox-field.ts";
import "../../../elements/form/ak-search-select.ts";
import type { AkSearchSelect } from "../../../elements/form/ak-search-select.ts";
import "../../../elements/form/ak-text-field.ts";
import { FormController } from "../../../elements/form/form-controller.ts";
import { buttonStyles, focusRing } from "../../../elements/styles/shared.ts";
import { PageTitleEvent } from "../../page-title.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import { attributesToYaml, yamlToAttributes } from "../attributes.ts";
import { directoryStyles } from "../directory-styles.ts";
import { failedPage, loadingBody } from "../page-loading.ts";
import { createGroup, loadGroup, parentSearch, patchGroup, roleOption, roleSource, type Group, type GroupRequest } from "./group-api.ts";
import { groupHref, groupsHref } from "./group-labels.ts";

/** The form's model: GroupRequest, with the parent's name (to show it), the roles as options, and the attributes as YAML. */
interface GroupModel {
  name: string;
  parent: string | null;
  parentName: string;
  is_superuser: boolean;
  roles: readonly DualSelectOption[];
  attributes: string;
}

const fields = ["name", "parent", "is_superuser", "roles", "attributes"] as const;

const blank: GroupModel = { name: "", parent: null, parentName: "", is_superuser: false, roles: [], attributes: "" };

const modelOf = (group: Group): GroupModel => ({
  name: group.name,
  parent: group.parent ?? null,
  parentName: group.parent_name ?? "",
  is_superuser: group.is_superuser ?? false,
  roles: group.roles_obj.map(roleOption),
  attributes: attributesToYaml(group.attributes),
});

function requestOf(model: GroupModel): GroupRequest {
  const attributes = yamlToAttributes(model.attributes);
  if (!attributes.ok) throw new ValidationError({ attributes: [attributes.error] }, []);
  return {
    name: model.name,
    parent: model.parent,
    is_superuser: model.is_superuser,
    roles: model.roles.map((role) => role.key),
    attributes: attributes.value,
  };
}

/** Creates a group or edits one (`groupId`): name, parent (searched), superuser flag, roles and attributes. */
@customElement("ak-group-form")
export class AkGroupForm extends LitElement {
  static styles = [pageStyles, directoryStyles, buttonStyles, focusRing];

  @property() groupId?: string;

  readonly #form = new FormController<GroupModel>(this, { initial: blank, fields });

  readonly #group = new Task(this, {
    task: async ([id], { signal }) => {
      if (id === undefined) return undefined;
      const group = await loadGroup(id, signal, false);
      this.#form.load(modelOf(group));
      return group;
    },
    args: () => [this.groupId] as const,
    onComplete: (group) => {
      if (group) this.dispatchEvent(new PageTitleEvent(msg(str`Edit ${group.name}`)));
    },
  });

  render() {
    if (this.groupId === undefined) return this.#page(undefined);
    return this.#group.render({
      pending: () => html`${this.#header(msg("Edit group"))}${loadingBody()}`,
      complete: (group) => this.#page(group),
      error: (error) => failedPage(error, () => this.#group.run(), { href: groupsHref(), label: msg("Back to groups") }),
    });
  }

  #header(title: string, group?: Group) {
    return html`<header class="page-header">
      <p class="breadcrumb">
        <a href=${groupsHref()}>${msg("Groups")}</a>${group ? html` › <a href=${groupHref(group)}>${group.name}</a>` : nothing}
      </p>
      <h1>${title}</h1>
    </header>`;
  }

  #page(group: Group | undefined) {
    const form = this.#form;
    const model = form.value;
    const creating = group === undefined;
    return html`${this.#header(creating ? msg("Create group") : msg(str`Edit ${group.name}`), group)}
      <div class="page-body">
        <form class="form" novalidate @submit=${this.#submit}>
          ${form.formErrors.length
            ? html`<ak-alert class="form-errors" variant="danger" tabindex="-1">
                <span slot="title">${msg("The group could not be saved.")}</span>
                ${form.formErrors.map((error) => html`<div>${error}</div>`)}
              </ak-alert>`
            : nothing}
          <ak-text-field
            name="name"
            label=${msg("Name")}
            required
            autocomplete="off"
            .value=${model.name}
            .errors=${form.errors("name")}
            @input=${form.bind("name")}
          ></ak-text-field>
          <ak-search-select
            name="parent"
            label=${msg("Parent")}
            empty-label=${msg("No parent")}
            .value=${model.parent}
            .valueLabel=${model.parentName}
            .source=${parentSearch(group?.pk)}
            .errors=${form.errors("parent")}
            help=${msg("Members of this group are also treated as members of its parent.")}
            @input=${(event: Event) => {
              const select = event.target as AkSearchSelect;
              form.set("parent", select.value);
              form.set("parentName", select.valueLabel);
            }}
          ></ak-search-select>
          <ak-checkbox-field
            name="is_superuser"
            label=${msg("Superuser")}
            .checked=${model.is_superuser}
            .errors=${form.errors("is_superuser")}
            help=${msg("Members of this group can do everything, in the admin interface and the API.")}
            @input=${form.bindChecked("is_superuser")}
          ></ak-checkbox-field>
          <ak-dual-select
            name="roles"
            label=${msg("Roles")}
            page-size="20"
            .source=${roleSource}
            .selected=${model.roles}
            @change=${(event: Event) => form.set("roles", (event.target as AkDualSelect).selected)}
          ></ak-dual-select>
          ${form.errors("roles").length ? html`<ak-alert variant="danger">${form.errors("roles").join(" ")}</ak-alert>` : nothing}
          <ak-code-editor
            name="attributes"
            label=${msg("Attributes")}
            language="yaml"
            .value=${model.attributes}
            .errors=${form.errors("attributes")}
            help=${msg("Extra data about the group as YAML, available to policies and property mappings.")}
            @input=${form.bind("attributes")}
          ></ak-code-editor>
          <div class="form-actions">
            <button class="button primary" type="submit" ?disabled=${form.pending}>
              ${form.pending ? msg("Saving…") : creating ? msg("Create group") : msg("Save changes")}
            </button>
            <a class="button" href=${creating ? groupsHref() : groupHref(group)}>${msg("Cancel")}</a>
          </div>
        </form>
      </div>`;
  }

  #submit = async (event: Event) => {
    event.preventDefault();
    const groupId = this.groupId;
    const saved = await this.#form.submit((model) => (groupId === undefined ? createGroup(requestOf(model)) : patchGroup(groupId, requestOf(model))));
    if (saved) requestNavigation(groupHref(saved));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-group-form": AkGroupForm;
  }
}
