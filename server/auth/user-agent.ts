import Bowser from "bowser";

const versionParts = (version: string | undefined, count: number) => {
  const parts = (version ?? "").split(".");
  return Array.from({ length: count }, (_, i) => parts[i] ?? "");
};

/** A User-Agent header in the shape authentik's API reports it (browser, OS and device). */
export function parseUserAgent(header: string) {
  const parsed = header ? Bowser.parse(header) : undefined;
  const [major, minor, patch] = versionParts(parsed?.browser.version, 3);
  const [osMajor, osMinor, osPatch, osPatchMinor] = versionParts(parsed?.os.version, 4);
  return {
    device: { brand: parsed?.platform.vendor || "", family: parsed?.platform.model || "Other", model: parsed?.platform.model || "" },
    os: { family: parsed?.os.name || "Other", major: osMajor, minor: osMinor, patch: osPatch, patch_minor: osPatchMinor },
    user_agent: { family: parsed?.browser.name || "Other", major, minor, patch },
    string: header,
  };
}
