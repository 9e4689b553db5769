// The console's only script (no inline scripts: the content security policy forbids them).
// Charts: every <canvas data-chart="{...}"> becomes a Chart.js chart; confirmations: forms with data-confirm.
(function () {
  function drawCharts(root) {
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (window.Chart.getChart(canvas)) { return; }
      var spec = JSON.parse(canvas.dataset.chart);
      var scales = spec.type === 'line'
        ? { count: { type: 'linear', position: 'left', beginAtZero: true },
            money: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } }
        : { y: { beginAtZero: true } };
      new window.Chart(canvas, {
        type: spec.type,
        data: { labels: spec.labels, datasets: spec.datasets },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: scales }
      });
    });
  }
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });
  document.addEventListener('DOMContentLoaded', function () {
    drawCharts(document);
    document.body.addEventListener('htmx:afterSwap', function (event) { drawCharts(event.target); });
  });
})();
