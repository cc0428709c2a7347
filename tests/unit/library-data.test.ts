import { describe, expect, it } from "vitest";
import { filterApplications, groupApplications, type Application } from "../../src/user/library/library-data.ts";

const app = (name: string, extra: Partial<Application> = {}): Application =>
  ({ pk: name, name, slug: name.toLowerCase(), launch_url: null, meta_icon: null, group: "", ...extra }) as Application;

const library = [
  app("Grafana", { group: "Monitoring", meta_publisher: "Grafana Labs" }),
  app("Wiki", { meta_description: "Team documentation" }),
  app("Prometheus", { group: "Monitoring" }),
  app("Mail", { group: "  " }),
  app("Jenkins", { group: "Build" }),
];

describe("the application library's data", () => {
  it("groups alphabetically with the ungrouped first, keeping order within a group", () => {
    expect(groupApplications(library).map((g) => [g.name, g.applications.map((a) => a.name)])).toEqual([
      ["", ["Wiki", "Mail"]],
      ["Build", ["Jenkins"]],
      ["Monitoring", ["Grafana", "Prometheus"]],
    ]);
  });

  it("filters by name, publisher, description and group, ignoring case", () => {
    const names = (search: string) => filterApplications(library, search).map((a) => a.name);
    expect(names("graf")).toEqual(["Grafana"]);
    expect(names("LABS")).toEqual(["Grafana"]);
    expect(names("documentation")).toEqual(["Wiki"]);
    expect(names("monitoring")).toEqual(["Grafana", "Prometheus"]);
    expect(names("  ")).toHaveLength(5);
    expect(names("nothing like it")).toEqual([]);
  });
});
