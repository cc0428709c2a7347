import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { emailOutbox, users } from "../../server/db/schema.ts";
import { hashPassword } from "../../server/auth/passwords.ts";
import { TestClient } from "../support/client.ts";
import { testDatabase } from "../support/database.ts";
import { flowLinkIn } from "../support/flows.ts";

interface Received {
  from: string;
  to: string[];
  user?: string;
  data: string;
}

/** A real SMTP server on a free local port that keeps what it receives. */
async function smtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk) => (data += chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let database: Database;
let smtp: Awaited<ReturnType<typeof smtpServer>>;
const saved = { ...process.env };

beforeEach(async () => {
  database = await testDatabase();
  smtp = await smtpServer();
  await database.db.insert(users).values({ username: "alan", name: "Alan Turing", email: "alan@example.com", password: await hashPassword("Old-passw0rd") });
  return () => database.close();
});

afterEach(async () => {
  process.env = { ...saved };
  await smtp.close();
});

/** Quoted-printable soft line breaks and escapes undone, enough to find a link in the body. */
const decoded = (data: string) => data.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

describe("outgoing mail over SMTP", () => {
  it("sends the recovery link through the server named by AK_SMTP_*, with its login and sender, and keeps nothing in the outbox", async () => {
    Object.assign(process.env, {
      AK_SMTP_HOST: "127.0.0.1",
      AK_SMTP_PORT: String(smtp.port),
      AK_SMTP_USER: "mailer",
      AK_SMTP_PASSWORD: "mail-secret",
      AK_SMTP_FROM: "auth@example.com",
    });
    const client = new TestClient(database);
    await client.request("/");
    await client.flow("default-recovery-flow");
    const waiting = await client.flow("default-recovery-flow", { component: "ak-stage-identification", uid_field: "alan" });
    expect(waiting).toMatchObject({ component: "ak-stage-email" });
    expect(waiting.response_errors).toBeUndefined();

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail).toMatchObject({ from: "auth@example.com", to: ["alan@example.com"], user: "mailer" });
    expect(mail.data).toMatch(/^Subject: authentik: reset your password$/m);
    expect(flowLinkIn(decoded(mail.data)).slug).toBe("default-recovery-flow");
    expect(await database.db.select().from(emailOutbox)).toHaveLength(0);
  });

  it("tells the visitor when the mail cannot be sent, and lets them ask again", async () => {
    Object.assign(process.env, { AK_SMTP_HOST: "127.0.0.1", AK_SMTP_PORT: "1" });
    const client = new TestClient(database);
    await client.request("/");
    await client.flow("default-recovery-flow");
    const failed = await client.flow("default-recovery-flow", { component: "ak-stage-identification", uid_field: "alan" });
    expect(failed.response_errors.non_field_errors[0]).toMatchObject({ code: "send_failed" });
    process.env.AK_SMTP_PORT = String(smtp.port);
    const resent = await client.flow("default-recovery-flow", { component: "ak-stage-email" });
    expect(resent.response_errors).toEqual({});
    expect(smtp.received).toHaveLength(1);
  });
});
