import { createHash } from "node:crypto";

const palette = ["#0066cc", "#3e8635", "#c46100", "#6753ac", "#009596", "#a30000", "#4f5255", "#8f4700"];

/**
 * A locally generated avatar (initials on a colour derived from the name), as a data URI:
 * no third-party avatar service learns who signs in.
 */
export function initialsAvatar(name: string, username: string): string {
  const source = (name || username || "?").trim();
  const words = source.split(/\s+/).filter(Boolean);
  const initials = (words.length > 1 ? words[0][0] + words[words.length - 1][0] : source.slice(0, 2)).toUpperCase();
  const colour = palette[createHash("sha256").update(username).digest()[0] % palette.length];
  const escaped = initials.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${colour}"/>` +
    `<text x="32" y="32" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="26" fill="#fff">${escaped}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
