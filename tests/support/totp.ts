import { TOTP, URI } from "otpauth";

/** The authenticator app a user would set up from an otpauth:// URL. */
export function authenticatorApp(configUrl: string): TOTP {
  const app = URI.parse(configUrl);
  if (!(app instanceof TOTP)) throw new Error(`not a TOTP URL: ${configUrl}`);
  return app;
}

/** The code the app shows `steps` time steps from now (a code is accepted once, so a second sign-in uses the next). */
export const codeAt = (app: TOTP, steps = 0) => app.generate({ timestamp: Date.now() + steps * app.period * 1000 });
