import nodemailer from "nodemailer";
import type { Db } from "../db/client.ts";
import { emailOutbox } from "../db/schema.ts";

export interface Mail {
  to: string;
  from?: string;
  subject: string;
  text: string;
  html: string;
}

export interface SmtpSettings {
  host: string;
  port: number;
  user?: string;
  password?: string;
  from?: string;
}

export const defaultFrom = "authentik@localhost";

/** The server's SMTP settings from AK_SMTP_HOST / _PORT / _USER / _PASSWORD / _FROM; none when AK_SMTP_HOST is unset. */
export function smtpFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpSettings | undefined {
  if (!env.AK_SMTP_HOST) return undefined;
  return {
    host: env.AK_SMTP_HOST,
    port: Number(env.AK_SMTP_PORT ?? 25),
    user: env.AK_SMTP_USER || undefined,
    password: env.AK_SMTP_PASSWORD || undefined,
    from: env.AK_SMTP_FROM || undefined,
  };
}

/**
 * Sends a mail through SMTP when there is a server to send it to, else keeps it in the outbox,
 * where superusers read it (`/api/v3/admin/outbox/`).
 */
export async function sendMail(db: Db, mail: Mail, smtp: SmtpSettings | undefined = smtpFromEnv()): Promise<void> {
  const from = mail.from || smtp?.from || defaultFrom;
  if (!smtp) {
    await db.insert(emailOutbox).values({ to: mail.to, from, subject: mail.subject, text: mail.text, html: mail.html });
    return;
  }
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    // Port 465 speaks TLS from the start; others upgrade with STARTTLS when the server offers it.
    secure: smtp.port === 465,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
    connectionTimeout: 10_000,
  });
  await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
}
