/**
 * The addresses whose page the server renders (prerender.ts): the overview without filters, `/`,
 * `/#` or `/#/`. No imports: the web app's entry (web/src/main.tsx) uses it too.
 */
export const SERVER_RENDERED_HASH = /^#?\/?$/u;
