import type { Db } from "../../server/db/client.ts";
import { createFlow, createPrompts } from "./flows.ts";

/**
 * The flows authentik's blueprints give sources, under their names, straight in the database:
 * `default-source-authentication` signs the connected user in; `default-source-enrollment` asks for
 * a username (filled in with the source's), creates the user and signs them in.
 */
export async function createSourceFlows(db: Db): Promise<{ authentication: string; enrollment: string }> {
  const authentication = await createFlow(db, "default-source-authentication", [{ kind: "user_login", name: "default-source-authentication-login" }], {
    designation: "authentication",
    title: "Welcome to authentik!",
  });
  const [username] = await createPrompts(db, [{ fieldKey: "username", label: "Username", type: "username", placeholder: "Username" }]);
  const enrollment = await createFlow(
    db,
    "default-source-enrollment",
    [
      { kind: "prompt", name: "default-source-enrollment-prompt", config: { fields: [username] } },
      { kind: "user_write", name: "default-source-enrollment-write", config: { user_creation_mode: "always_create", user_type: "internal" } },
      { kind: "user_login", name: "default-source-enrollment-login" },
    ],
    { designation: "enrollment", title: "Welcome to authentik! Please select a username.", authentication: "require_unauthenticated" },
  );
  return { authentication, enrollment };
}
