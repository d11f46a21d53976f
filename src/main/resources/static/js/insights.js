// Draws the insights charts with uPlot from the JSON the page carries (no inline script: the
// Content-Security-Policy allows scripts from this site only).
(function () {
  var data = JSON.parse(document.getElementById('insights-data').textContent);
  var days = data.days.map(function (d) { return Date.parse(d.day + 'T12:00:00Z') / 1000; });
  var width = function (id) { return Math.max(320, document.getElementById(id).clientWidth); };

  new uPlot({
    width: width('volume-chart'), height: 240,
    series: [{}, { label: 'Created', stroke: '#1f4fbf', width: 2 },
      { label: 'First answered', stroke: '#1c6b35', width: 2 },
      { label: 'Breached', stroke: '#a4231b', width: 2 }],
    axes: [{}, { label: 'issues' }]
  }, [days, data.days.map(function (d) { return d.created; }), data.days.map(function (d) { return d.answered; }),
    data.days.map(function (d) { return d.breached; })], document.getElementById('volume-chart'));

  new uPlot({
    width: width('response-chart'), height: 240,
    series: [{}, { label: 'Median (h)', stroke: '#1f4fbf', width: 2, spanGaps: false },
      { label: 'Target (h)', stroke: '#8a5a00', dash: [6, 4], width: 1 }],
    axes: [{}, { label: 'business hours' }]
  }, [days, data.days.map(function (d) { return d.medianFirstResponseHours; }),
    data.days.map(function () { return data.targetHours; })], document.getElementById('response-chart'));
}());
