/**
 * `npm run seed -- --users 10000 --groups 2000 [--password <password>]` fills the configured
 * database (AK_DATA_DIR or DATABASE_URL, as the server uses them) with realistic users, groups with
 * parent chains, and memberships, for demos and the bench. The same counts always describe the same
 * objects, so running it again adds only what is missing. Stop the server first: PGlite admits one
 * process at a time.
 */
import { parseArgs } from "node:util";
import { inArray, sql } from "drizzle-orm";
import { readConfig } from "../server/config.ts";
import { openDatabase, type Db } from "../server/db/client.ts";
import { groups } from "../server/db/schema.ts";
import { hashPassword } from "../server/auth/passwords.ts";

export interface SeedOptions {
  users: number;
  groups: number;
  /** Every seeded user's password; without one they cannot sign in. */
  password?: string;
}

export interface SeedResult {
  usersCreated: number;
  groupsCreated: number;
  membershipsCreated: number;
}

const firstNames = (
  "Emma Liam Olivia Noah Ava Elijah Sophia Lucas Mia Mateo Amelia Levi Harper Ethan Evelyn James Luna Aiden Ella Leo Chloe " +
  "Sofia Henry Aria Jack Nora Owen Zoe Samuel Hana Yuki Kenji Priya Arjun Fatima Omar Aisha Youssef Ingrid Lars Freya Mikael " +
  "Chiara Marco Lucia Pablo Camila Diego Ana Joao Zanele Thabo Amara Kwame Mei Wei Jun Minh Linh Tomasz Zofia"
).split(" ");
const lastNames = (
  "Smith Johnson Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson " +
  "Martin Lee Perez Thompson White Harris Clark Lewis Walker Young Allen King Wright Scott Nguyen Kim Tanaka Sato Müller Schmidt " +
  "Schneider Rossi Bianchi Silva Santos Costa Novak Kowalski Nowak Hansen Larsen Andersson Nielsen Okafor Mensah Dlamini Khan " +
  "Patel Singh Sharma Ali Haddad Cohen Levi"
).split(" ");
const departments = "Engineering Sales Marketing Finance Legal Support Operations Research Design People Security Data".split(" ");
const teams = (
  "Platform Payments Mobile Web Identity Infrastructure Analytics Growth Partnerships Enterprise Compliance Procurement " +
  "Onboarding Quality Reliability Billing Content Recruiting Training Tooling"
).split(" ");
const cities = "Berlin London Lisbon Nairobi Singapore Toronto Austin Sydney Tokyo Warsaw".split(" ");
const services = "backup monitoring ci deploy ldap-sync mailer reporting scanner".split(" ");
const titles = ["Engineer", "Senior Engineer", "Manager", "Analyst", "Specialist", "Director", "Coordinator", "Consultant"];

/** A deterministic pseudo-random number in [0, 1) for `seed` (mulberry32), so reruns make the same data. */
function random(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

interface GroupSeed {
  name: string;
  parent?: string;
  /** 0 for a group without parent; a parent is always one level up. */
  depth: number;
  department: string;
}

/** The i-th group: departments, then their teams, then each team's city chapters, then projects. */
function groupSeed(i: number): GroupSeed {
  const d = departments.length;
  const dt = d * teams.length;
  if (i < d) return { name: departments[i], depth: 0, department: departments[i] };
  if (i < d + dt) {
    const k = i - d;
    const department = departments[k % d];
    return { name: `${department} ${teams[Math.floor(k / d)]}`, parent: department, depth: 1, department };
  }
  if (i < d + dt + dt * cities.length) {
    const k = i - d - dt;
    const team = groupSeed(d + (k % dt));
    return { name: `${team.name} ${cities[Math.floor(k / dt)]}`, parent: team.name, depth: 2, department: team.department };
  }
  const department = departments[i % d];
  return { name: `Project ${String(i).padStart(5, "0")}`, depth: 0, department };
}

/** The i-th user: mostly people, every 40th a service account, every 19th deactivated. */
function userSeed(i: number, groupCount: number, now: number) {
  const joined = new Date(now - (30 + random(i * 3) * 1500) * 86_400_000);
  const lastLogin = random(i * 5) < 0.85 ? new Date(now - random(i * 7) * 90 * 86_400_000) : null;
  const department = departments[Math.floor(random(i * 11) * departments.length)];
  const isActive = i % 19 !== 7;
  if (i % 40 === 39) {
    const service = services[Math.floor(i / 40) % services.length];
    const username = `svc-${service}-${Math.floor(i / 40)}`;
    return {
      row: { username, name: `${service} service account`, email: "", isActive, type: "service_account", path: "goauthentik.io/service-accounts", dateJoined: joined, lastLogin, attributes: {} },
      groupIndexes: [] as number[],
    };
  }
  const first = firstNames[i % firstNames.length];
  const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length];
  const round = Math.floor(i / (firstNames.length * lastNames.length));
  const username = `${first}.${last}${round ? round + 1 : ""}`.toLowerCase().normalize("NFKD").replace(/[^\w.-]/g, "");
  const memberships = 1 + Math.floor(random(i * 13) * 3);
  return {
    row: {
      username,
      name: `${first} ${last}`,
      email: `${username}@example.com`,
      isActive,
      type: "internal",
      path: `users/${department.toLowerCase()}`,
      dateJoined: joined,
      lastLogin,
      attributes: { department, title: titles[Math.floor(random(i * 17) * titles.length)] },
    },
    groupIndexes: groupCount ? Array.from({ length: memberships }, (_, k) => Math.floor(random(i * 31 + k) * groupCount)) : [],
  };
}

/** One column of a bulk insert: its values as text (or null), cast to `type` in the database. */
interface Column {
  name: string;
  type: string;
  values: (string | null)[];
}

/**
 * Inserts rows given column by column in one statement (`unnest` of one array parameter per
 * column), skipping rows that clash with existing ones, and returns the inserted rows' `returning`.
 */
async function insertColumns<Row>(tx: Db, table: string, columns: Column[], returning: string[]): Promise<Row[]> {
  const aliases = columns.map((_, i) => `c${i}`);
  const result = await tx.execute(sql`
    insert into ${sql.identifier(table)} (${sql.join(columns.map((c) => sql.identifier(c.name)), sql`, `)})
    select ${sql.raw(columns.map((c, i) => `${aliases[i]}::${c.type}`).join(", "))}
    from unnest(${sql.join(columns.map((c) => sql`${sql.param(c.values)}::text[]`), sql`, `)}) as t(${sql.raw(aliases.join(", "))})
    on conflict do nothing
    returning ${sql.join(returning.map((name) => sql.identifier(name)), sql`, `)}`);
  // Both drivers (PGlite, node-postgres) answer raw SQL with `rows`.
  return (result as unknown as { rows: Row[] }).rows;
}

const text = (name: string, values: (string | null)[], type = "text"): Column => ({ name, type, values });

/** Inserts groups level by level (a parent before its children), skipping names that exist; returns the pk of every seeded name. */
async function seedGroups(tx: Db, seeds: GroupSeed[]): Promise<{ created: number; pks: Map<string, string> }> {
  const pks = new Map<string, string>();
  let created = 0;
  for (const level of [0, 1, 2].map((depth) => seeds.filter((g) => g.depth === depth))) {
    const inserted = await insertColumns<{ pk: string }>(
      tx,
      "ak_group",
      [
        text("name", level.map((g) => g.name)),
        text("parent", level.map((g) => (g.parent ? pks.get(g.parent)! : null)), "uuid"),
        text("attributes", level.map((g) => JSON.stringify({ department: g.department })), "jsonb"),
      ],
      ["pk"],
    );
    created += inserted.length;
    const names = level.map((g) => g.name);
    const found = await tx.select({ pk: groups.pk, name: groups.name }).from(groups).where(inArray(groups.name, names));
    for (const row of found) pks.set(row.name, row.pk);
  }
  return { created, pks };
}

export async function seedDirectory(db: Db, options: SeedOptions): Promise<SeedResult> {
  const password = options.password ? await hashPassword(options.password) : null;
  const groupSeeds = Array.from({ length: options.groups }, (_, i) => groupSeed(i));
  const now = Date.now();
  const userSeeds = Array.from({ length: options.users }, (_, i) => userSeed(i, options.groups, now));
  const rows = userSeeds.map((s) => s.row);
  const result = await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const seededGroups = await seedGroups(tx, groupSeeds);
    const inserted = await insertColumns<{ pk: number; username: string }>(
      tx,
      "ak_user",
      [
        text("username", rows.map((r) => r.username)),
        text("name", rows.map((r) => r.name)),
        text("email", rows.map((r) => r.email)),
        text("password", rows.map(() => password)),
        text("is_active", rows.map((r) => String(r.isActive)), "boolean"),
        text("type", rows.map((r) => r.type)),
        text("path", rows.map((r) => r.path)),
        text("attributes", rows.map((r) => JSON.stringify(r.attributes)), "jsonb"),
        text("date_joined", rows.map((r) => r.dateJoined.toISOString()), "timestamptz"),
        text("last_login", rows.map((r) => r.lastLogin?.toISOString() ?? null), "timestamptz"),
      ],
      ["pk", "username"],
    );
    // Only new users get memberships, so a rerun leaves changes made since untouched.
    const groupsOf = new Map(userSeeds.map((s) => [s.row.username, s.groupIndexes]));
    const memberships = inserted.flatMap((user) =>
      [...new Set(groupsOf.get(user.username))].map((g) => ({ user: String(user.pk), group: seededGroups.pks.get(groupSeeds[g].name)! })),
    );
    const added = await insertColumns(
      tx,
      "ak_group_member",
      [text("group_pk", memberships.map((m) => m.group), "uuid"), text("user_pk", memberships.map((m) => m.user), "integer")],
      ["user_pk"],
    );
    return { usersCreated: inserted.length, groupsCreated: seededGroups.created, membershipsCreated: added.length };
  });
  // Fresh statistics, so the planner uses the indexes at this size (PGlite runs no autovacuum).
  await db.execute(sql`analyze ak_user, ak_group, ak_group_member`);
  return result;
}

async function main() {
  const { values } = parseArgs({
    options: { users: { type: "string", default: "1000" }, groups: { type: "string", default: "200" }, password: { type: "string" } },
  });
  const counts = { users: Number(values.users), groups: Number(values.groups) };
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, not "${values[name as "users"]}".`);
  }
  const database = await openDatabase(readConfig());
  try {
    const started = performance.now();
    const result = await seedDirectory(database.db, { ...counts, password: values.password });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Seeded ${database.describe} in ${seconds} s:`);
    console.log(`  ${result.usersCreated} new users (of ${counts.users} asked for; the rest already existed)`);
    console.log(`  ${result.groupsCreated} new groups (of ${counts.groups})`);
    console.log(`  ${result.membershipsCreated} new group memberships`);
    if (!values.password) console.log("  Seeded users have no password; pass --password to let them sign in.");
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main().catch((err) => {
    console.error(`seed failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
