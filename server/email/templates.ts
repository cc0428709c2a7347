import { escapeHtml } from "../http/escape-html.ts";
/** The email templates an email stage can send, named as authentik names its built-in ones. */
export const emailTemplates = {
  "email/password_reset.html": {
    description: "Password Reset",
    intro: "Someone asked to reset the password of your account. If it was you, open this link to choose a new one:",
    action: "Reset password",
  },
  "email/account_confirmation.html": {
    description: "Account Confirmation",
    intro: "Confirm your email address to finish setting up your account by opening this link:",
    action: "Confirm account",
  },
} as const;

export type EmailTemplate = keyof typeof emailTemplates;

export const isEmailTemplate = (name: string): name is EmailTemplate => Object.hasOwn(emailTemplates, name);

export interface TemplateValues {
  name: string;
  url: string;
  expiresInMinutes: number;
  site: string;
}

/** The mail's plain-text and HTML bodies; every value is escaped in the HTML. */
export function renderEmail(template: EmailTemplate, values: TemplateValues): { text: string; html: string } {
  const { intro, action } = emailTemplates[template];
  const validity = `The link works once and expires in ${values.expiresInMinutes} minute${values.expiresInMinutes === 1 ? "" : "s"}.`;
  const ignore = "If you did not ask for this, you can ignore this email.";
  const greeting = `Hello ${values.name},`;
  const text = [greeting, "", intro, values.url, "", validity, ignore, "", `— ${values.site}`].join("\n");
  const html = [
    "<!doctype html>",
    `<html><body style="font-family: sans-serif">`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p><a href="${escapeHtml(values.url)}">${escapeHtml(action)}</a></p>`,
    `<p>${escapeHtml(validity)} ${escapeHtml(ignore)}</p>`,
    `<p>— ${escapeHtml(values.site)}</p>`,
    "</body></html>",
  ].join("\n");
  return { text, html };
}
