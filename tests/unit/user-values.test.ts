import { describe, expect, it } from "vitest";
import { userValuesFrom } from "../../server/flows/user-write/user-values.ts";
import { cleansed, maskedSecret } from "../../server/flows/cleanse.ts";

describe("what prompt data writes to a user", () => {
  it("maps the user's fields, nested attributes and other keys, and never status or privileges", () => {
    const values = userValuesFrom(
      {
        username: "ada",
        name: "Ada",
        email: "ada@example.com",
        password: "secret",
        password_repeat: "secret",
        "attributes.settings.locale": "de",
        "attributes.settings.theme": "dark",
        department: "R&D",
        is_active: true,
        is_superuser: true,
        type: "internal",
        groups: ["admins"],
        path: "admins",
        attributes: { injected: true },
        token: "invitation-pk",
      },
      { settings: { theme: "light", font: "large" }, kept: 1 },
    );
    expect(values).toEqual({
      username: "ada",
      name: "Ada",
      email: "ada@example.com",
      password: "secret",
      attributes: { settings: { theme: "dark", font: "large", locale: "de" }, kept: 1, department: "R&D" },
    });
  });

  it("leaves the existing attributes object untouched", () => {
    const existing = { settings: { locale: "en" } };
    userValuesFrom({ "attributes.settings.locale": "fr" }, existing);
    expect(existing).toEqual({ settings: { locale: "en" } });
  });
});

describe("cleansed plan context", () => {
  it("masks secret-looking keys at any depth", () => {
    expect(cleansed({ username: "ada", password: "x", nested: [{ api_token: "y", name: "n" }] })).toEqual({
      username: "ada",
      password: maskedSecret,
      nested: [{ api_token: maskedSecret, name: "n" }],
    });
  });
});
