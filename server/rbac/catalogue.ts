/** A global permission, as authentik's API describes one. */
export interface Permission {
  id: number;
  name: string;
  codename: string;
  model: string;
  app_label: string;
  app_label_verbose: string;
  model_verbose: string;
}

interface CatalogueModel {
  app_label: string;
  app_label_verbose: string;
  model: string;
  model_verbose: string;
}

const core = { app_label: "authentik_core", app_label_verbose: "authentik Core" };
const flows = { app_label: "authentik_flows", app_label_verbose: "authentik Flows" };

/**
 * The models the reference server has. Ids follow this order, so new models go at the end;
 * assignments are stored by `app_label.codename` and do not depend on ids.
 */
const models: CatalogueModel[] = [
  { ...core, model: "user", model_verbose: "User" },
  { ...core, model: "group", model_verbose: "Group" },
  { ...core, model: "application", model_verbose: "Application" },
  { app_label: "authentik_rbac", app_label_verbose: "authentik RBAC", model: "role", model_verbose: "Role" },
  { app_label: "authentik_brands", app_label_verbose: "authentik Brands", model: "brand", model_verbose: "Brand" },
  { ...flows, model: "flow", model_verbose: "Flow" },
  { ...flows, model: "flowstagebinding", model_verbose: "Flow Stage Binding" },
  {
    app_label: "authentik_stages_identification",
    app_label_verbose: "authentik Stages.Identification",
    model: "identificationstage",
    model_verbose: "Identification Stage",
  },
  { app_label: "authentik_stages_password", app_label_verbose: "authentik Stages.Password", model: "passwordstage", model_verbose: "Password Stage" },
  { app_label: "authentik_stages_user_login", app_label_verbose: "authentik Stages.User Login", model: "userloginstage", model_verbose: "User Login Stage" },
  { app_label: "authentik_stages_user_logout", app_label_verbose: "authentik Stages.User Logout", model: "userlogoutstage", model_verbose: "User Logout Stage" },
  {
    app_label: "authentik_stages_authenticator_totp",
    app_label_verbose: "authentik Stages.Authenticator.TOTP",
    model: "totpdevice",
    model_verbose: "TOTP Device",
  },
  {
    app_label: "authentik_stages_authenticator_static",
    app_label_verbose: "authentik Stages.Authenticator.Static",
    model: "staticdevice",
    model_verbose: "Static Device",
  },
  {
    app_label: "authentik_stages_authenticator_webauthn",
    app_label_verbose: "authentik Stages.Authenticator.WebAuthn",
    model: "webauthndevice",
    model_verbose: "WebAuthn Device",
  },
];

/** Django's four default permissions of every model. */
const actions = [
  ["add", "Can add"],
  ["change", "Can change"],
  ["delete", "Can delete"],
  ["view", "Can view"],
] as const;

export const permissions: readonly Permission[] = models.flatMap((model, m) =>
  actions.map(([action, label], a) => ({
    id: m * actions.length + a + 1,
    name: `${label} ${model.model_verbose}`,
    codename: `${action}_${model.model}`,
    ...model,
  })),
);

/** How authentik's assign API names a permission: `app_label.codename`. */
export const qualifiedName = (permission: Permission) => `${permission.app_label}.${permission.codename}`;

const byQualifiedName = new Map(permissions.map((p) => [qualifiedName(p), p]));

export const permissionNamed = (name: string) => byQualifiedName.get(name);
