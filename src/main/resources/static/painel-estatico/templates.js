// The message templates page: list, edit and save through /templates/dados (the admin API's handlers, with the
// session's CSRF token), and a preview as WhatsApp shows it. Every text a person typed reaches the page through
// textContent / text nodes only, never as HTML.
(function () {
  'use strict';

  const BASE = '/templates/dados';
  const ROTULOS = {
    nome: 'Nome', idioma: 'Idioma', categoria: 'Categoria', corpo: 'Corpo', parametros: 'Parâmetros',
    textoLivrePadrao: 'Texto livre padrão', botaoRotulo: 'Rótulo do botão', botaoUrl: 'URL do botão'
  };
  const NOMES_PARAMETROS = {
    primeiro_nome: 'primeiro nome do aluno', produto: 'nome do produto', modulo: 'módulo em que o aluno está',
    texto_livre: 'texto livre (o CS edita)'
  };
  let exemplos = {};
  let atual = null; // {nome, idioma} being edited, or null for a new template

  const $ = (id) => document.getElementById(id);

  function csrf() {
    const h = document.querySelector('meta[name="_csrf_header"]');
    const t = document.querySelector('meta[name="_csrf"]');
    return h && t ? { [h.content]: t.content } : {};
  }

  async function pedir(metodo, caminho, corpo) {
    const opcoes = { method: metodo, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (corpo !== undefined) {
      opcoes.headers['Content-Type'] = 'application/json';
      Object.assign(opcoes.headers, csrf());
      opcoes.body = JSON.stringify(corpo);
    }
    const r = await fetch(caminho, opcoes);
    const texto = await r.text();
    return { status: r.status, corpo: texto ? JSON.parse(texto) : null };
  }

  function caminho(nome, idioma, resto) {
    return BASE + '/' + encodeURIComponent(nome) + '/' + encodeURIComponent(idioma) + (resto || '');
  }

  function limpar(el) {
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
  }

  function quando(iso) {
    return iso ? new Date(iso).toLocaleString('pt-BR', { timeZone: 'America/Sao_Paulo', dateStyle: 'short',
      timeStyle: 'short' }) : '—';
  }

  // ----- WhatsApp formatting: *negrito*, _itálico_, ~riscado~, ```monoespaçado```, line breaks -----

  const MARCAS = [
    { re: /```([^`]+?)```/, tag: 'code' },
    { re: /\*(\S(?:[^*\n]*?\S)?)\*/, tag: 'strong' },
    { re: /_(\S(?:[^_\n]*?\S)?)_/, tag: 'em' },
    { re: /~(\S(?:[^~\n]*?\S)?)~/, tag: 's' }
  ];

  function formatar(texto, destino) {
    while (texto.length > 0) {
      let melhor = null;
      for (const m of MARCAS) {
        const achou = m.re.exec(texto);
        if (achou && (melhor === null || achou.index < melhor.achou.index)) {
          melhor = { achou, tag: m.tag };
        }
      }
      if (melhor === null) {
        destino.appendChild(document.createTextNode(texto));
        return;
      }
      if (melhor.achou.index > 0) {
        destino.appendChild(document.createTextNode(texto.slice(0, melhor.achou.index)));
      }
      const el = document.createElement(melhor.tag);
      if (melhor.tag === 'code') {
        el.textContent = melhor.achou[1];
      } else {
        formatar(melhor.achou[1], el);
      }
      destino.appendChild(el);
      texto = texto.slice(melhor.achou.index + melhor.achou[0].length);
    }
  }

  // ----- the editor -----

  function variaveis(corpo) {
    let maior = 0;
    for (const m of corpo.matchAll(/\{\{(\d+)}}/g)) {
      maior = Math.max(maior, parseInt(m[1], 10));
    }
    return maior;
  }

  function parametrosEscolhidos() {
    return Array.from(document.querySelectorAll('#parametros select')).map((s) => s.value);
  }

  function desenharParametros(valores) {
    const lista = $('parametros');
    const escolhidos = valores || parametrosEscolhidos();
    const n = variaveis($('corpo').value);
    limpar(lista);
    for (let i = 0; i < n; i++) {
      const li = document.createElement('li');
      const rotulo = document.createElement('label');
      rotulo.appendChild(document.createTextNode('{{' + (i + 1) + '}} '));
      const s = document.createElement('select');
      s.setAttribute('aria-label', 'Parâmetro {{' + (i + 1) + '}}');
      for (const nome of Object.keys(exemplos)) {
        const o = document.createElement('option');
        o.value = nome;
        o.textContent = nome + ' — ' + (NOMES_PARAMETROS[nome] || nome);
        s.appendChild(o);
      }
      if (escolhidos[i] && Object.prototype.hasOwnProperty.call(exemplos, escolhidos[i])) {
        s.value = escolhidos[i];
      }
      s.addEventListener('change', atualizar);
      rotulo.appendChild(s);
      li.appendChild(rotulo);
      lista.appendChild(li);
    }
    $('sem-variaveis').hidden = n > 0;
  }

  function contador(campo, id) {
    const c = $(id);
    const max = parseInt(c.dataset.max, 10);
    c.textContent = campo.value.length + ' de ' + max + ' caracteres';
    c.classList.toggle('excedido', campo.value.length > max);
  }

  function atualizar() {
    const escolhidos = parametrosEscolhidos();
    const usaTextoLivre = escolhidos.includes('texto_livre');
    $('campo-texto-livre').hidden = !usaTextoLivre;
    contador($('corpo'), 'contador-corpo');
    contador($('botaoRotulo'), 'contador-rotulo');
    let texto = $('corpo').value;
    escolhidos.forEach((nome, i) => {
      const valor = nome === 'texto_livre' ? ($('textoLivrePadrao').value || exemplos[nome]) : exemplos[nome];
      texto = texto.split('{{' + (i + 1) + '}}').join(valor);
    });
    const previa = $('previa');
    limpar(previa);
    formatar(texto, previa);
    const botao = $('previa-botao');
    botao.textContent = $('botaoRotulo').value;
    botao.hidden = !$('botaoRotulo').value.trim();
  }

  function preencher(t) {
    atual = t ? { nome: t.nome, idioma: t.idioma } : null;
    $('titulo-editor').textContent = t ? 'Editar template' : 'Novo template';
    $('nome').value = t ? t.nome : '';
    $('idioma').value = t ? t.idioma : 'pt_BR';
    $('nome').readOnly = !!t;
    $('idioma').readOnly = !!t;
    $('categoria').value = t ? t.categoria : 'UTILITY';
    $('corpo').value = t ? t.corpo : '';
    $('textoLivrePadrao').value = t && t.textoLivrePadrao ? t.textoLivrePadrao : '';
    $('botaoRotulo').value = t && t.botaoRotulo ? t.botaoRotulo : '';
    $('botaoUrl').value = t && t.botaoUrl ? t.botaoUrl : '';
    $('erros').hidden = true;
    $('salvo').hidden = true;
    desenharParametros(t ? t.parametros : []);
    atualizar();
    document.querySelectorAll('#lista tbody tr').forEach((tr) => {
      tr.classList.toggle('selecionado', !!t && tr.dataset.chave === t.nome + '/' + t.idioma);
    });
    carregarAuditoria();
  }

  async function carregarAuditoria() {
    const lista = $('auditoria');
    limpar(lista);
    if (!atual) {
      return;
    }
    const r = await pedir('GET', caminho(atual.nome, atual.idioma, '/auditoria'));
    const itens = r.status === 200 ? r.corpo : [];
    if (itens.length === 0) {
      const li = document.createElement('li');
      li.textContent = 'Nenhuma alteração por esta página ainda (o texto veio da instalação).';
      lista.appendChild(li);
    }
    itens.slice().reverse().forEach((a) => {
      const li = document.createElement('li');
      li.textContent = quando(a.alteradoEm) + ' — ' + a.alteradoPor + (a.antes ? ' alterou' : ' criou');
      lista.appendChild(li);
    });
  }

  async function carregarLista(selecionar) {
    const r = await pedir('GET', BASE);
    const corpo = $('lista').querySelector('tbody');
    limpar(corpo);
    (r.corpo || []).forEach((t) => {
      const tr = document.createElement('tr');
      tr.dataset.chave = t.nome + '/' + t.idioma;
      [t.nome, t.idioma, t.categoria, t.atualizadoPor ? quando(t.atualizadoEm) + ' por ' + t.atualizadoPor : '—']
        .forEach((v) => {
          const td = document.createElement('td');
          td.textContent = v;
          tr.appendChild(td);
        });
      tr.addEventListener('click', () => preencher(t));
      corpo.appendChild(tr);
    });
    const escolhido = (r.corpo || []).find((t) => selecionar && t.nome === selecionar.nome
      && t.idioma === selecionar.idioma) || (r.corpo || [])[0];
    preencher(escolhido || null);
  }

  function mostrarErros(resposta) {
    const caixa = $('erros');
    limpar(caixa);
    const titulo = document.createElement('strong');
    titulo.textContent = 'Não foi salvo:';
    caixa.appendChild(titulo);
    const ul = document.createElement('ul');
    const erros = (resposta && resposta.erros) || { '': (resposta && resposta.detail) || 'erro inesperado' };
    Object.keys(erros).forEach((campo) => {
      const li = document.createElement('li');
      li.textContent = (ROTULOS[campo] ? ROTULOS[campo] + ': ' : '') + erros[campo];
      ul.appendChild(li);
    });
    caixa.appendChild(ul);
    caixa.hidden = false;
  }

  async function salvar(evento) {
    evento.preventDefault();
    $('salvo').hidden = true;
    $('erros').hidden = true;
    const nome = $('nome').value.trim();
    const idioma = $('idioma').value.trim();
    if (!nome || !idioma) {
      mostrarErros({ erros: { nome: 'informe o nome e o idioma do template' } });
      return;
    }
    const r = await pedir('PUT', caminho(nome, idioma), {
      categoria: $('categoria').value,
      corpo: $('corpo').value,
      parametros: parametrosEscolhidos(),
      textoLivrePadrao: $('campo-texto-livre').hidden ? null : $('textoLivrePadrao').value,
      botaoRotulo: $('botaoRotulo').value,
      botaoUrl: $('botaoUrl').value
    });
    if (r.status === 200 || r.status === 201) {
      await carregarLista({ nome, idioma });
      $('salvo').textContent = r.status === 201 ? 'Template criado.' : 'Alterações salvas.';
      $('salvo').hidden = false;
    } else {
      mostrarErros(r.corpo);
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('corpo').addEventListener('input', () => {
      desenharParametros();
      atualizar();
    });
    ['textoLivrePadrao', 'botaoRotulo', 'botaoUrl'].forEach((id) => $(id).addEventListener('input', atualizar));
    $('editor').addEventListener('submit', salvar);
    $('novo').addEventListener('click', () => preencher(null));
    exemplos = (await pedir('GET', BASE + '/parametros')).corpo || {};
    await carregarLista();
  });
}());
