// Printable view: the button opens the browser's print dialog (no inline script under the page's CSP).
document.addEventListener('DOMContentLoaded', function () {
  var botao = document.getElementById('imprimir-agora');
  if (botao) { botao.addEventListener('click', function () { window.print(); }); }
});
