import { msg, str } from "@lit/localize";
import { html, LitElement, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import "../../../elements/alert/ak-alert.ts";
import "../../../elements/dual-select/ak-dual-select.ts";
import type { AkDualSelect, DualSelectOption } from "../../../elements/dual-select/ak-dual-select.ts";
import "../../../elements/form/ak-checkbox-field.ts";
import "../../../elements/form/ak-search-select.ts";
import type { AkSearchSelect } from "../../../elements/form/ak-search-select.ts";
import "../../../elements/form/ak-text-field.ts";
import { FormController } from "../../../elements/form/form-controller.ts";
import { buttonStyles, focusRing } from "../../../elements/styles/shared.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import { attributesRequest, attributesToYaml } from "../attributes.ts";
import { attributesField, formHeader, formPage } from "../directory-form.ts";
import { DirectoryObject } from "../directory-object.ts";
import { directoryStyles } from "../directory-styles.ts";
import { loadingBody } from "../page-loading.ts";
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

const requestOf = (model: GroupModel): GroupRequest => ({
  name: model.name,
  parent: model.parent,
  is_superuser: model.is_superuser,
  roles: model.roles.map((role) => role.key),
  attributes: attributesRequest(model.attributes),
});

const groupsLink = () => ({ href: groupsHref(), label: msg("Groups") });

/** Creates a group or edits one (`groupId`): name, parent (searched), superuser flag, roles and attributes. */
@customElement("ak-group-form")
export class AkGroupForm extends LitElement {
  static styles = [pageStyles, directoryStyles, buttonStyles, focusRing];

  @property() groupId?: string;

  readonly #form = new FormController<GroupModel>(this, { initial: blank, fields });

  readonly #group = new DirectoryObject(this, {
    id: () => this.groupId,
    load: (id: string, signal) => loadGroup(id, signal, false),
    loaded: (group) => this.#form.load(modelOf(group)),
    title: (group) => msg(str`Edit ${group.name}`),
    back: () => ({ href: groupsHref(), label: msg("Back to groups") }),
  });

  render() {
    if (this.groupId === undefined) return this.#page(undefined);
    return this.#group.render(
      (group) => this.#page(group),
      () => html`${formHeader(msg("Edit group"), groupsLink())}${loadingBody()}`,
    );
  }

  #page(group: Group | undefined) {
    const form = this.#form;
    const model = form.value;
    const groupId = this.groupId;
    return formPage(
      {
        form,
        editing: group,
        list: groupsLink(),
        create: msg("Create group"),
        name: ({ name }) => name,
        href: groupHref,
        failed: msg("The group could not be saved."),
        save: (model) => (groupId === undefined ? createGroup(requestOf(model)) : patchGroup(groupId, requestOf(model))),
      },
      html`<ak-text-field
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
        ${attributesField(form, msg("Extra data about the group as YAML, available to policies and property mappings."))}`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-group-form": AkGroupForm;
  }
}
