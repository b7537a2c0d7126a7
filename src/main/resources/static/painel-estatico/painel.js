// Producer dashboard: charts, filters and live updates (server-sent events). No inline scripts: the page's CSP
// allows only files served by this application.
(function () {
  'use strict';

  var CORES = { link: '#128C7E', email: '#E8642C', sem: '#B8C2CC' };
  var numero = new Intl.NumberFormat('pt-BR');
  var decimal1 = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // Charts speak pt-BR like the text beside them: 1.234 and 1,9%, never 1234 or 1.9%.
  function inteiro(v) { return v == null ? '—' : numero.format(v); }
  function porcento1(v) { return v == null ? '—' : decimal1.format(v) + '%'; }
  var graficos = {};

  function valor(dados, caminho) {
    return caminho.split('.').reduce(function (o, k) { return o == null ? null : o[k]; }, dados);
  }

  function formatar(v, formato) {
    if (v == null) { return '—'; }
    if (formato === 'pct0') { return Math.round(v) + '%'; }
    if (typeof v === 'number') { return numero.format(v); }
    return String(v);
  }

  function grafico(id) {
    var el = document.getElementById(id);
    if (!el || typeof echarts === 'undefined') { return null; }
    if (!graficos[id]) { graficos[id] = echarts.init(el, null, { renderer: 'svg' }); }
    return graficos[id];
  }

  function desenhar(d) {
    var origem = grafico('grafico-origem');
    if (origem) {
      origem.setOption({
        tooltip: { trigger: 'item', formatter: function (p) {
          return p.marker + p.name + ': ' + inteiro(p.value) + ' (' + porcento1(p.percent) + ')';
        } },
        legend: { bottom: 0 },
        series: [{
          // the figures sit on the ring itself: an outside label has no room on a phone and ECharts cuts it to "…"
          type: 'pie', radius: ['42%', '72%'], center: ['50%', '45%'], avoidLabelOverlap: true,
          label: { position: 'inside', color: '#fff', fontWeight: 600, overflow: 'none',
            formatter: function (p) { return inteiro(p.value); } },
          labelLine: { show: false },
          data: [
            { name: 'Link do WhatsApp', value: d.numeros.viaLink, itemStyle: { color: CORES.link } },
            { name: 'E-mail da Hotmart', value: d.numeros.viaEmail, itemStyle: { color: CORES.email } },
            { name: 'Ainda sem acesso', value: d.numeros.semAcesso, itemStyle: { color: CORES.sem } }
          ].filter(function (fatia) { return fatia.value > 0; })
        }]
      }, true);
    }
    var funil = grafico('grafico-funil');
    if (funil) {
      var f = d.funil;
      var etapas = ['Sugeridos', 'Aprovados', 'Enviados', 'Entregues', 'Lidos', 'Acessaram em ' + f.diasConversao + ' dias'];
      funil.setOption({
        tooltip: { trigger: 'axis', valueFormatter: inteiro },
        grid: { left: 150, right: 40, top: 10, bottom: 20 },
        xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: inteiro } },
        yAxis: { type: 'category', inverse: true, data: etapas },
        series: [{ type: 'bar', data: [f.sugeridos, f.aprovados, f.enviados, f.entregues, f.lidos, f.acessaram],
          itemStyle: { color: CORES.link },
          label: { show: true, position: 'right', formatter: function (p) { return inteiro(p.value); } } }]
      }, true);
    }
    var dias = grafico('grafico-dias');
    if (dias) {
      var rotulos = d.linhaDoTempo.map(function (x) { return x.dia.split('-').reverse().slice(0, 2).join('/'); });
      dias.setOption({
        tooltip: { trigger: 'axis', valueFormatter: inteiro },
        legend: { bottom: 0 },
        grid: { left: 40, right: 20, top: 10, bottom: 60 },
        xAxis: { type: 'category', data: rotulos },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: inteiro } },
        dataZoom: rotulos.length > 45 ? [{ type: 'inside' }, { type: 'slider', bottom: 25, height: 14 }] : [],
        series: [
          { name: 'Link do WhatsApp', type: 'bar', stack: 'acessos', itemStyle: { color: CORES.link },
            data: d.linhaDoTempo.map(function (x) { return x.viaLink; }) },
          { name: 'E-mail da Hotmart', type: 'bar', stack: 'acessos', itemStyle: { color: CORES.email },
            data: d.linhaDoTempo.map(function (x) { return x.viaEmail; }) }
        ]
      }, true);
    }
    var reembolsos = grafico('grafico-reembolsos');
    if (reembolsos) {
      var r = d.reembolsos;
      reembolsos.setOption({
        tooltip: { trigger: 'axis', valueFormatter: porcento1 },
        grid: { left: 150, right: 50, top: 10, bottom: 20 },
        xAxis: { type: 'value', axisLabel: { hideOverlap: true, formatter: function (v) { return numero.format(v) + '%'; } } },
        yAxis: { type: 'category', data: ['Quem acessou', 'Quem nunca acessou'] },
        series: [{ type: 'bar', data: [
          { value: r.percentualComAcesso, itemStyle: { color: CORES.link } },
          { value: r.percentualSemAcesso, itemStyle: { color: CORES.sem } }],
          label: { show: true, position: 'right', formatter: function (p) { return porcento1(p.value); } } }]
      }, true);
    }
  }

  // The column headers of the turma table: each cell carries its own, which a phone shows beside the figure.
  var ROTULOS = ['Produto', 'Turma', 'Compradores', 'Acessaram', 'Pelo link do WhatsApp', '% nosso',
    'Resgates enviados', 'Responderam no WhatsApp', 'Reembolsos', 'Módulos concluídos', 'Parabéns enviados'];

  function celula(texto) {
    var td = document.createElement('td');
    td.textContent = texto;
    return td;
  }

  function linhasTurmas(d) {
    var corpo = document.getElementById('linhas-turmas');
    if (!corpo) { return; }
    var slug = document.body.dataset.slug;
    corpo.replaceChildren.apply(corpo, d.turmas.map(function (t) {
      var tr = document.createElement('tr');
      tr.appendChild(celula(t.produto));
      var nome = celula('');
      if (t.turmaId != null) {
        var a = document.createElement('a');
        a.href = '/painel/' + encodeURIComponent(slug) + '?turma=' + t.turmaId;
        a.textContent = t.turma;
        nome.appendChild(a);
      } else {
        nome.textContent = t.turma;
      }
      tr.appendChild(nome);
      tr.appendChild(celula(numero.format(t.numeros.compradores)));
      tr.appendChild(celula(numero.format(t.numeros.acessaram)));
      tr.appendChild(celula(numero.format(t.numeros.viaLink)));
      tr.appendChild(celula(formatar(t.numeros.percentualLink, 'pct0')));
      tr.appendChild(celula(numero.format(t.funil.enviados)));
      tr.appendChild(celula(numero.format(t.numeros.responderam)));
      tr.appendChild(celula(numero.format(t.reembolsos.comAcesso + t.reembolsos.semAcesso)));
      tr.appendChild(celula(numero.format(t.numeros.modulosConcluidos)));
      tr.appendChild(celula(numero.format(t.numeros.parabensEnviados)));
      Array.prototype.forEach.call(tr.children, function (td, i) { td.dataset.rotulo = ROTULOS[i]; });
      return tr;
    }));
  }

  function aplicar(d) {
    document.querySelectorAll('[data-campo]').forEach(function (el) {
      el.textContent = formatar(valor(d, el.dataset.campo), el.dataset.formato);
    });
    linhasTurmas(d);
    desenhar(d);
  }

  var buscando = null;
  function atualizar() {
    if (buscando) { return buscando; }
    var url = '/painel/' + encodeURIComponent(document.body.dataset.slug) + '/dados' + (document.body.dataset.consulta || '');
    buscando = fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (r.redirected || r.status === 401 || r.status === 403) { window.location.reload(); return null; }
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (d) { if (d) { aplicar(d); } })
      .catch(function () { /* the next event or the periodic refresh tries again */ })
      .finally(function () { buscando = null; });
    return buscando;
  }

  function aoVivo() {
    var indicador = document.getElementById('ao-vivo');
    if (!window.EventSource) { indicador.textContent = 'Atualiza a cada minuto'; return; }
    var fonte = new EventSource('/painel/' + encodeURIComponent(document.body.dataset.slug) + '/eventos');
    var espera = null;
    fonte.addEventListener('conectado', function () {
      indicador.textContent = 'Ao vivo';
      indicador.classList.add('conectado');
      atualizar();   // whatever changed before the stream was up
    });
    fonte.addEventListener('atualizacao', function () {
      clearTimeout(espera);
      espera = setTimeout(atualizar, 250);
    });
    fonte.onerror = function () {
      indicador.textContent = 'Reconectando…';
      indicador.classList.remove('conectado');
    };
  }

  function filtroDeTurmas() {
    var produto = document.getElementById('filtro-produto');
    var turma = document.getElementById('filtro-turma');
    if (!produto || !turma) { return; }
    function filtrar() {
      turma.querySelectorAll('optgroup').forEach(function (g) {
        var visivel = !produto.value || g.dataset.produto === produto.value;
        g.hidden = !visivel;
        g.disabled = !visivel;
        if (!visivel && g.contains(turma.selectedOptions[0])) { turma.value = ''; }
      });
    }
    produto.addEventListener('change', filtrar);
    filtrar();
  }

  document.addEventListener('DOMContentLoaded', function () {
    filtroDeTurmas();
    aoVivo();
    setInterval(atualizar, 60000);
    window.addEventListener('resize', function () {
      Object.keys(graficos).forEach(function (k) { graficos[k].resize(); });
    });
  });
})();
