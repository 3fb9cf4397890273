// Charts of the reports and the dashboard, drawn with ECharts from the webjar.
// The CSP forbids inline scripts, so data comes from data-* attributes or from the JSON
// endpoint named in data-src. Labels arrive translated in data-label-* attributes.
(() => {
  if (typeof echarts === 'undefined') {
    return;
  }
  const charts = [];

  const draw = (element, option) => {
    element.style.height = '280px';
    const chart = echarts.init(element);
    chart.setOption(Object.assign({ animation: false, grid: { left: 56, right: 24, top: 32, bottom: 48 } }, option));
    charts.push(chart);
    element.dataset.rendered = 'true';
  };

  const empty = (element, text) => {
    element.textContent = text || '';
    element.classList.add('text-body-secondary');
    element.dataset.rendered = 'empty';
  };

  const numbers = (text) => (text ? text.split(',').map((value) => (value === '' ? null : Number(value))) : []);

  const bar = (labels, values, name, horizontal) => ({
    tooltip: { trigger: 'axis' },
    xAxis: horizontal ? { type: 'value' } : { type: 'category', data: labels },
    yAxis: horizontal ? { type: 'category', data: labels, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } }
      : { type: 'value' },
    series: [{ name, type: 'bar', data: values }],
  });

  const overview = document.getElementById('report-charts');
  if (overview) {
    fetch(overview.dataset.src, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((data) => {
        const labels = overview.dataset;
        const byName = (name) => overview.querySelector('[data-chart="' + name + '"]');
        const total = data.sends.reduce((sum, value) => sum + value, 0);
        if (total === 0) {
          ['sends-per-day', 'success-rate', 'top-errors', 'per-app'].forEach((name) => empty(byName(name), labels.empty));
          return;
        }
        draw(byName('sends-per-day'), {
          tooltip: { trigger: 'axis' },
          legend: { bottom: 0 },
          xAxis: { type: 'category', data: data.days },
          yAxis: { type: 'value' },
          series: [
            { name: labels.labelSends, type: 'bar', data: data.sends },
            { name: labels.labelDelivered, type: 'bar', data: data.delivered },
          ],
        });
        draw(byName('success-rate'), {
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: data.days },
          yAxis: { type: 'value', min: 0, max: 100 },
          series: [{ name: labels.labelRate, type: 'line', data: data.rates, connectNulls: false }],
        });
        if (data.errors.length === 0) {
          empty(byName('top-errors'), labels.empty);
        } else {
          draw(byName('top-errors'), Object.assign(bar(data.errors.map((e) => e.label), data.errors.map((e) => e.count),
            labels.labelCount, true), { grid: { left: 180, right: 24, top: 16, bottom: 32 } }));
        }
        const apps = Object.keys(data.apps);
        draw(byName('per-app'), {
          tooltip: { trigger: 'item' },
          series: [{ name: labels.labelSends, type: 'pie', radius: ['35%', '70%'],
            data: apps.map((name) => ({ name, value: data.apps[name] })) }],
        });
      })
      .catch(() => {
        overview.querySelectorAll('[data-chart]').forEach((element) => empty(element, overview.dataset.empty));
      });
  }

  const timeline = document.getElementById('chart-run-timeline');
  if (timeline) {
    const minutes = timeline.dataset.minutes ? timeline.dataset.minutes.split(',') : [];
    if (minutes.length === 0) {
      empty(timeline, timeline.dataset.empty);
    } else {
      const labels = minutes.map((minute) => new Date(minute).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
      draw(timeline, {
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value' },
        series: [
          { name: timeline.dataset.labelSends, type: 'bar', data: numbers(timeline.dataset.sends) },
          { name: timeline.dataset.labelDelivered, type: 'line', data: numbers(timeline.dataset.delivered) },
        ],
      });
    }
  }

  const runs = document.getElementById('chart-run-rates');
  if (runs) {
    const labels = runs.dataset.runs ? runs.dataset.runs.split(',').map((id) => '#' + id) : [];
    if (labels.length === 0) {
      empty(runs, runs.dataset.empty);
    } else {
      draw(runs, {
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', min: 0, max: 100 },
        series: [{ name: runs.dataset.labelRate, type: 'line', data: numbers(runs.dataset.rates) }],
      });
    }
  }

  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
})();
