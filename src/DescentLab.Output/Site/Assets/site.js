// The published history site: the index filters and the problem charts (uPlot), from the JSON embedded in each page.
(function () {
  'use strict';

  var element = document.getElementById('site-data');
  if (!element) {
    return;
  }

  var data = JSON.parse(element.textContent);

  function select(name, values, onChange) {
    var label = document.createElement('label');
    label.textContent = name + ' ';
    var box = document.createElement('select');
    box.name = name;
    ['all'].concat(values).forEach(function (value) {
      var option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      box.appendChild(option);
    });
    box.addEventListener('change', onChange);
    label.appendChild(box);
    return label;
  }

  function filters() {
    var holder = document.getElementById('filters');
    var rows = document.querySelectorAll('#problems tbody tr');
    var config = select('config', data.configs, apply);
    var machine = select('machine', data.machines, apply);
    holder.appendChild(config);
    holder.appendChild(machine);

    function apply() {
      var wantedConfig = config.querySelector('select').value;
      var wantedMachine = machine.querySelector('select').value;
      data.rows.forEach(function (row, i) {
        rows[i].hidden = (wantedConfig !== 'all' && row.config !== wantedConfig) || (wantedMachine !== 'all' && row.machine !== wantedMachine);
      });
    }
  }

  // Triangles at the first night after each step, in the series' colour (up: the value rose).
  function drawSteps(u) {
    var ctx = u.ctx;
    var r = 7 * devicePixelRatio;
    ctx.save();
    data.steps.forEach(function (step) {
      var value = data.series[step.series].values[step.x];
      if (!u.series[step.series + 1].show || value === null) {
        return;
      }

      var x = u.valToPos(step.x, 'x', true);
      var y = u.valToPos(value, 'y', true);
      var d = step.up ? -1 : 1;
      ctx.beginPath();
      ctx.moveTo(x, y + d * r);
      ctx.lineTo(x - r, y - d * r);
      ctx.lineTo(x + r, y - d * r);
      ctx.closePath();
      ctx.fillStyle = data.series[step.series].colour;
      ctx.fill();
    });
    ctx.restore();
  }

  function number(value) {
    return value === null || value === undefined ? '–' : (data.log ? value.toExponential(2) : String(+value.toPrecision(4)));
  }

  function chart() {
    var holder = document.getElementById('chart');
    var xs = data.labels.map(function (_, i) { return i; });
    var options = {
      width: Math.max(480, Math.min(holder.clientWidth || 1100, 1100)),
      height: 440,
      scales: { x: { time: false, range: [-0.5, Math.max(data.labels.length - 0.5, 0.5)] }, y: data.log ? { distr: 3 } : {} },
      axes: [
        {
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500],
          space: 90,
          size: 60,
          values: function (u, splits) {
            return splits.map(function (i) { return Number.isInteger(i) && i >= 0 && i < data.labels.length ? data.labels[i] : ''; });
          }
        },
        {
          label: data.metric,
          size: 80,
          values: data.log ? function (u, splits) { return splits.map(function (v) { return v === null ? '' : v.toExponential(0); }); } : undefined
        }
      ],
      series: [{
        label: 'night',
        value: function (u, i) { return i === null || data.labels[i] === undefined ? '–' : data.labels[i].replace('\n', ' '); }
      }].concat(data.series.map(function (s) {
        return { label: s.label, stroke: s.colour, width: 2, points: { show: true, size: 6 }, value: function (u, v) { return number(v); } };
      })),
      hooks: { draw: [drawSteps] }
    };
    var columns = [xs].concat(data.series.map(function (s) { return s.values; }));
    new uPlot(options, columns, holder);
  }

  if (data.rows) {
    filters();
  }

  if (data.series) {
    chart();
  }
})();
