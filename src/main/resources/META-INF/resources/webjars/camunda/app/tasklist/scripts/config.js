/*
 * Terceiriza CS Flows: replaces the webjar's scripts/config.js (the application's classes come first on the
 * classpath). Brazilian Portuguese by default: Camunda picks the browser's first language when it is listed here
 * (it compares only the part before the dash, so "pt-BR" never matches "pt") and the fallback otherwise, so every
 * browser whose first language is not English gets pt-BR. The translation lives in ../locales/pt-BR.json
 * (docs/runbook.md, "Camunda in Portuguese"). The shortcuts are the webjar's own, described in pt-BR.
 */
export default {
  locales: {
    availableLocales: ['pt-BR', 'en'],
    fallbackLocale: 'pt-BR'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'assume a tarefa selecionada'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'leva o foco ao primeiro filtro da lista'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'leva o foco à primeira tarefa da lista'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'leva o foco ao primeiro campo do formulário da tarefa'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'abre a janela para iniciar um processo'
    }
  }
};
