import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { stages, users } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import type { FlowTraffic } from "../support/flow-traffic.ts";
import { createFlow, createPrompts, type PromptInsert } from "../support/flows.ts";
import { recordedVisitor } from "../support/fresh.ts";

let database: Database;
let traffic: FlowTraffic;
let client: TestClient;

beforeEach(async () => {
  ({ database, traffic, client } = await recordedVisitor());
  await client.request("/");
  return () => database.close();
});

const prompt = (fieldKey: string, type: string, extra: Partial<PromptInsert> = {}): PromptInsert => ({
  fieldKey,
  label: fieldKey,
  type,
  required: false,
  ...extra,
});

/** A flow of one prompt stage, then a user write stage that creates a user from the answers. */
async function promptFlow(slug: string, seeds: PromptInsert[], extra: { kind: string; config?: Record<string, unknown> }[] = []) {
  const fields = await createPrompts(database.db, seeds);
  await createFlow(database.db, slug, [{ kind: "prompt", config: { fields } }, ...extra]);
}

const answer = (slug: string, values: Record<string, unknown>) => client.flow(slug, { component: "ak-stage-prompt", ...values });

const everyType: PromptInsert[] = [
  prompt("username", "username", { required: true, placeholder: "Your username" }),
  prompt("name", "text", { initialValue: "Ada" }),
  prompt("bio", "text_area"),
  prompt("notice", "text_read_only", { initialValue: "Read me" }),
  prompt("terms_text", "text_area_read_only", { initialValue: "Long terms" }),
  prompt("email", "email"),
  prompt("password", "password"),
  prompt("password_repeat", "password"),
  prompt("age", "number"),
  prompt("accept", "checkbox"),
  prompt("colour", "radio-button-group", { placeholder: "red\ngreen\nblue", initialValue: "green" }),
  prompt("team", "dropdown", { placeholder: "blue team\nred team" }),
  prompt("birthday", "date"),
  prompt("meeting", "date-time"),
  prompt("avatar", "file"),
  prompt("divider", "separator", { subText: "More about you" }),
  prompt("source", "hidden", { initialValue: "web" }),
  prompt("welcome", "static", { initialValue: "Welcome!" }),
  prompt("locale", "ak-locale"),
];

describe("prompt challenge", () => {
  it("lists every prompt type in order, with choices, placeholders and initial values, as authentik's StagePrompt", async () => {
    await promptFlow("every-type", everyType);
    const challenge = await client.flow("every-type");
    expect(challenge.component).toBe("ak-stage-prompt");
    expect(challenge.fields.map((f: { type: string }) => f.type)).toEqual(everyType.map((p) => p.type));
    expect(challenge.fields[0]).toEqual({
      field_key: "username",
      label: "username",
      type: "username",
      required: true,
      placeholder: "Your username",
      initial_value: "",
      order: 0,
      sub_text: "",
      choices: null,
    });
    const byKey = Object.fromEntries(challenge.fields.map((f: { field_key: string }) => [f.field_key, f]));
    expect(byKey.colour).toMatchObject({ choices: ["red", "green", "blue"], initial_value: "green", placeholder: "" });
    expect(byKey.team.choices).toEqual(["blue team", "red team"]);
    expect(byKey.name.initial_value).toBe("Ada");
    expect(byKey.divider.sub_text).toBe("More about you");
    traffic.expectAuthentikShaped();
  });

  it("reports each invalid value at its field and keeps nothing", async () => {
    await promptFlow("invalid", everyType, [{ kind: "user_write" }]);
    await client.flow("invalid");
    const again = await answer("invalid", {
      username: "",
      email: "not-an-email",
      password: "one",
      password_repeat: "two",
      age: "many",
      colour: "purple",
      team: "green team",
      birthday: "2024-02-30",
      meeting: "tomorrow",
      avatar: "C:\\fakepath\\me.png",
      locale: "<script>",
      accept: "perhaps",
    });
    expect(again.component).toBe("ak-stage-prompt");
    const codes = Object.fromEntries(Object.entries(again.response_errors).map(([key, errors]) => [key, (errors as { string: string }[])[0].string]));
    expect(codes).toEqual({
      username: "This field is required.",
      email: "Enter a valid email address.",
      password_repeat: "Passwords don't match.",
      age: "A valid number is required.",
      colour: '"purple" is not a valid choice.',
      team: '"green team" is not a valid choice.',
      birthday: "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
      meeting: "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
      avatar: "Upload a file.",
      locale: '"<script>" is not a valid choice.',
      accept: "Must be a valid boolean.",
    });
    traffic.expectAuthentikShaped();
  });

  it("requires required fields, and a required checkbox to be ticked", async () => {
    await promptFlow("required", [prompt("nickname", "text", { required: true }), prompt("accept", "checkbox", { required: true })]);
    await client.flow("required");
    const again = await answer("required", { accept: false });
    expect(again.response_errors).toEqual({
      nickname: [{ string: "This field is required.", code: "required" }],
      accept: [{ string: "This field is required.", code: "required" }],
    });
  });

  it("refuses a username someone else has", async () => {
    await promptFlow("taken", [prompt("username", "username", { required: true })]);
    await client.flow("taken");
    const again = await answer("taken", { username: "akadmin" });
    expect(again.response_errors.username).toEqual([{ string: "Username is already taken.", code: "unique" }]);
  });

  it("stores typed values; read-only and display fields keep nothing sent, a hidden field its initial value", async () => {
    await promptFlow("stored", everyType, [{ kind: "user_write", config: { user_creation_mode: "always_create" } }]);
    await client.flow("stored");
    const done = await answer("stored", {
      username: "grace",
      name: "Grace Hopper",
      bio: "Compilers",
      notice: "tampered",
      terms_text: "tampered",
      email: "grace@example.com",
      password: "A-long-passw0rd",
      password_repeat: "A-long-passw0rd",
      age: "85",
      accept: true,
      colour: "blue",
      team: "red team",
      birthday: "1906-12-09",
      meeting: "2024-05-01T10:30",
      avatar: "data:image/png;base64,iVBORw0KGgo=",
      divider: "tampered",
      source: "tampered",
      welcome: "tampered",
      locale: "de",
    });
    expect(done).toMatchObject({ component: "xak-flow-redirect" });
    const [user] = await database.db.select().from(users).where(eq(users.username, "grace"));
    expect(user).toMatchObject({ name: "Grace Hopper", email: "grace@example.com", isActive: true, type: "external" });
    expect(user.attributes).toEqual({
      bio: "Compilers",
      age: 85,
      accept: true,
      colour: "blue",
      team: "red team",
      birthday: "1906-12-09",
      meeting: "2024-05-01T10:30",
      avatar: "data:image/png;base64,iVBORw0KGgo=",
      source: "web",
      locale: "de",
    });
    traffic.expectAuthentikShaped();
  });

  it("shows what was given earlier in the flow as a field's initial value, but never a password", async () => {
    const first = await createPrompts(database.db, [prompt("nickname", "text"), prompt("password", "password")]);
    const second = await createPrompts(database.db, [prompt("nickname", "text"), prompt("password", "password")]);
    await createFlow(database.db, "two-prompts", [
      { kind: "prompt", config: { fields: first } },
      { kind: "prompt", config: { fields: second } },
    ]);
    await client.flow("two-prompts");
    const next = await answer("two-prompts", { nickname: "ada", password: "secret-1" });
    expect(next.fields.map((f: { initial_value: string }) => f.initial_value)).toEqual(["ada", ""]);
  });
});

describe("default-user-settings-flow", () => {
  it("starts with the user's own details, lets them keep their username and saves changes", async () => {
    await client.signIn("akadmin", adminPassword);
    const challenge = await client.flow("default-user-settings-flow");
    const initial = Object.fromEntries(challenge.fields.map((f: { field_key: string; initial_value: string }) => [f.field_key, f.initial_value]));
    expect(initial).toEqual({ username: "akadmin", name: "authentik Default Admin", email: "root@localhost", "attributes.settings.locale": "" });
    const done = await answer("default-user-settings-flow", { username: "akadmin", name: "Ada Admin", email: "ada@example.com", "attributes.settings.locale": "fr" });
    expect(done.component).toBe("xak-flow-redirect");
    const me = await client.json("/api/v3/core/users/me/");
    expect(me.user).toMatchObject({ username: "akadmin", name: "Ada Admin", email: "ada@example.com" });
    const [admin] = await database.db.select().from(users).where(eq(users.username, "akadmin"));
    expect(admin.attributes).toMatchObject({ settings: { locale: "fr" } });
    traffic.expectAuthentikShaped();
  });

  it("is for signed-in users only", async () => {
    expect(await client.flow("default-user-settings-flow")).toMatchObject({ component: "xak-flow-redirect" });
  });
});

describe("prompt admin API", () => {
  beforeEach(() => client.signIn("akadmin", adminPassword));

  const create = (body: Record<string, unknown>) => client.request("/api/v3/stages/prompt/prompts/", { json: body });

  it("creates, lists, filters, updates and deletes prompts; a deleted prompt leaves its stages", async () => {
    const created = await create({ name: "nickname-prompt", field_key: "nickname", label: "Nickname", type: "text", placeholder: "e.g. Ada" });
    expect(created.status).toBe(201);
    const prompt = await created.json();
    expect(prompt).toMatchObject({ name: "nickname-prompt", required: true, order: 0, placeholder_expression: false, promptstage_set: [] });

    const stage = await client.json("/api/v3/stages/prompt/stages/", { json: { name: "nickname-stage", fields: [prompt.pk] } });
    expect(stage).toMatchObject({ name: "nickname-stage", fields: [prompt.pk], validation_policies: [], component: "ak-stage-prompt-form" });

    const listed = await client.json("/api/v3/stages/prompt/prompts/?type=text&search=nick");
    expect(listed.results.map((p: { name: string }) => p.name)).toEqual(["nickname-prompt"]);
    expect(listed.results[0].promptstage_set).toMatchObject([{ name: "nickname-stage", verbose_name: "Prompt Stage" }]);

    const patched = await client.json(`/api/v3/stages/prompt/prompts/${prompt.pk}/`, { method: "PATCH", json: { label: "Your nickname" } });
    expect(patched).toMatchObject({ label: "Your nickname", field_key: "nickname" });

    expect((await client.request(`/api/v3/stages/prompt/prompts/${prompt.pk}/`, { method: "DELETE" })).status).toBe(204);
    expect(await client.json(`/api/v3/stages/prompt/stages/${stage.pk}/`)).toMatchObject({ fields: [] });
  });

  it("refuses a duplicate name, an unknown type and unknown prompts on a stage", async () => {
    await create({ name: "dup", field_key: "a", label: "A", type: "text" });
    expect(await (await create({ name: "dup", field_key: "b", label: "B", type: "text" })).json()).toEqual({ name: ["prompt with this name already exists."] });
    const badType = await create({ name: "bad", field_key: "b", label: "B", type: "colour-wheel" });
    expect(badType.status).toBe(400);
    expect(Object.keys(await badType.json())).toEqual(["type"]);
    const missing = "00000000-0000-4000-8000-000000000000";
    const stage = await client.request("/api/v3/stages/prompt/stages/", { json: { name: "s", fields: [missing] } });
    expect(await stage.json()).toEqual({ fields: [`Invalid pk "${missing}" - object does not exist.`] });
  });

  it("previews a prompt as the challenge field a flow would show", async () => {
    const preview = await client.json("/api/v3/stages/prompt/prompts/preview/", {
      json: { name: "p", field_key: "team", label: "Team", type: "dropdown", placeholder: "red\nblue" },
    });
    expect(preview).toEqual({
      component: "ak-stage-prompt",
      fields: [{ field_key: "team", label: "Team", type: "dropdown", required: true, placeholder: "", initial_value: "", order: 0, sub_text: "", choices: ["red", "blue"] }],
    });
  });

  it("is for superusers only", async () => {
    const stranger = new TestClient(database);
    await stranger.request("/");
    expect((await stranger.request("/api/v3/stages/prompt/prompts/")).status).toBe(403);
  });

  it("keeps the default stages' prompts", async () => {
    const [stage] = await database.db.select().from(stages).where(eq(stages.name, "default-enrollment-prompt"));
    const fields = (stage.config as { fields: string[] }).fields;
    const listed = await client.json("/api/v3/stages/prompt/prompts/?page_size=100");
    const keys = fields.map((pk) => listed.results.find((p: { pk: string }) => p.pk === pk).field_key);
    expect(keys).toEqual(["username", "name", "email", "password", "password_repeat"]);
  });
});
