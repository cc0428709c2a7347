export type ThemeChoice = "automatic" | "light" | "dark";

/** The cookie that remembers the user's theme; the server reads it to render the page in that theme. */
export const themeCookie = "ak_theme";

export function currentTheme(): ThemeChoice {
  const value = document.documentElement.dataset.theme;
  return value === "light" || value === "dark" ? value : "automatic";
}

/** Applies and remembers a theme for a year. */
export function chooseTheme(choice: ThemeChoice): void {
  if (choice === "automatic") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
  document.cookie = `${themeCookie}=${choice}; path=/; max-age=31536000; samesite=lax`;
}
