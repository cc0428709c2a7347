/** The superuser's password in every test database. */
export const adminPassword = "akadmin-test-Passw0rd";
export const templatePath = new URL("../../.tmp/pglite-template.tar", import.meta.url);
