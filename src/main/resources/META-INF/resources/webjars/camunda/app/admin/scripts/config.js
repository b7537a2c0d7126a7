/*
 * Terceiriza CS Flows: replaces the webjar's scripts/config.js (the application's classes come first on the
 * classpath). Brazilian Portuguese by default: Camunda picks the browser's first language when it is listed here
 * (it compares only the part before the dash, so "pt-BR" never matches "pt") and the fallback otherwise, so every
 * browser whose first language is not English gets pt-BR. The translation lives in ../locales/pt-BR.json
 * (docs/runbook.md, "Camunda in Portuguese").
 */
export default {
  locales: {
    availableLocales: ['pt-BR', 'en'],
    fallbackLocale: 'pt-BR'
  }
};
