import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allowList } from "./allow-list.ts";
import { compareDocuments, type Deviation } from "./compatibility.ts";
import { authentikUrl, loadAuthentik, loadOurs } from "./openapi-docs.ts";

const isAllowed = (deviation: Deviation) => allowList.some((entry) => entry.at === deviation.at);

describe("openapi/schema.yml against authentik's schema", () => {
  it("promises no operation, parameter, property, type or enum value that authentik lacks", () => {
    const unexpected = compareDocuments(loadOurs(), loadAuthentik()).filter((d) => !isAllowed(d));
    if (unexpected.length) {
      expect.fail(
        [
          `openapi/schema.yml deviates from ${fileURLToPath(authentikUrl)} in ${unexpected.length} place(s):`,
          ...unexpected.map((d) => `  ${d.at}: ${d.differs}`),
          `Fix the zod declaration under server/ and run "npm run openapi", or, if ak-web must differ, ` +
            "add the place with its reason to tests/contract/allow-list.ts.",
        ].join("\n"),
      );
    }
  });

  it("allows only deviations that still exist, each with a reason", () => {
    const deviations = compareDocuments(loadOurs(), loadAuthentik());
    const stale = allowList.filter((entry) => !deviations.some((d) => d.at === entry.at)).map((entry) => entry.at);
    expect(stale, "allow-list entries that match no deviation any more: remove them").toEqual([]);
    expect(allowList.filter((entry) => !entry.reason.trim()).map((entry) => entry.at), "allow-list entries without a reason").toEqual([]);
  });
});
