#pragma once
// Private: the page's inline style sheet and script (no external resource of any kind).
#include <string_view>

namespace vssfault::timeline::detail {

inline constexpr std::string_view kStyle = R"CSS(
body{font:13px/1.4 system-ui,sans-serif;margin:16px;color:#1f2933;background:#fff}
h1{font-size:18px;margin:0 0 4px}
h2{font-size:15px;margin:18px 0 6px}
code,.mono,svg text{font-family:ui-monospace,DejaVu Sans Mono,monospace}
.info{color:#52606d;margin:0 0 8px}
.info span{margin-right:14px}
.outcome-passed{color:#1a7f37;font-weight:bold}
.outcome-failed,.outcome-error{color:#c62828;font-weight:bold}
.legend{display:flex;flex-wrap:wrap;gap:14px;margin:8px 0;align-items:center}
.legend svg{vertical-align:middle}
#filters{display:flex;gap:12px;margin:6px 0}
#filters label{cursor:pointer;user-select:none}
.chart{display:flex;border:1px solid #cbd2d9;border-radius:4px}
.chart .labels{flex:none;background:#f5f7fa;border-right:1px solid #cbd2d9}
.chart .scroll{overflow-x:auto;flex:auto}
svg text{font-size:11px}
.lane-bg.even{fill:#ffffff}.lane-bg.odd{fill:#f8fafc}
.lane-name{font-size:12px;font-weight:600;fill:#1f2933}
.lane-kind{font-size:10px;fill:#7b8794}
.tick{stroke:#cbd2d9;stroke-dasharray:2 3}
.tick-label{fill:#52606d}
.window.freeze{fill:rgba(59,130,246,.16);stroke:#3b82f6;stroke-dasharray:4 2}
.window.hold{fill:rgba(249,115,22,.13);stroke:#f97316;stroke-dasharray:4 2}
.window-label.freeze{fill:#1d4ed8}.window-label.hold{fill:#c2410c}
.call{fill:#9aa5b1}
.state{fill:#a5b4fc}.state.ERROR,.state.TRANSIENT_ERROR{fill:#fca5a5}.state.TRANSFERRED,.state.ACKNOWLEDGED{fill:#86efac}
.msg{stroke:#9aa5b1;stroke-width:1;opacity:.5}
.ev{fill:#7b8794}.ev.call{fill:#3e4c59}.ev.return{fill:#9aa5b1}
.marker{cursor:pointer}
.marker text{font-weight:600}
.marker.fault path{fill:#7c3aed}.marker.fault text{fill:#6d28d9}
.marker.failure circle{fill:#dc2626}.marker.failure text{fill:#b91c1c}
.marker.eventlog rect{fill:#eab308}.marker.eventlog text{fill:#854d0e}
.marker.violation path{fill:#ea580c}.marker.violation text{fill:#c2410c}
.marker.selected text{text-decoration:underline}
.hide-fault .marker.fault,.hide-failure .marker.failure,.hide-eventlog .marker.eventlog,
.hide-violation .marker.violation{display:none}
.hide-fault tr.fault,.hide-failure tr.failure,.hide-eventlog tr.eventlog,.hide-violation tr.violation{display:none}
table{border-collapse:collapse;font-size:12px}
th,td{border-bottom:1px solid #e4e7eb;padding:3px 8px;text-align:left;vertical-align:top}
tr.selected td{background:#fef9c3}
td.code{font-family:ui-monospace,monospace;font-weight:600}
#details{min-height:1.4em;padding:6px 8px;background:#f5f7fa;border-radius:4px;white-space:pre-wrap}
.note{color:#52606d}
pre.trace{font-size:11px;line-height:1.35}
pre.trace span.selected{background:#fef9c3}
)CSS";

// Adds the filters (with counts), the click-to-details behaviour and data-ready to a page whose SVG and
// tables are already complete; a page opened without scripts loses only those.
inline constexpr std::string_view kScript = R"JS(
(function () {
  'use strict';
  var kinds = ['fault', 'failure', 'eventlog', 'violation'];
  var markers = Array.prototype.slice.call(document.querySelectorAll('svg.plot g.marker'));
  var bar = document.getElementById('filters');
  kinds.forEach(function (kind) {
    var count = markers.filter(function (m) { return m.getAttribute('data-kind') === kind; }).length;
    var label = document.createElement('label');
    label.className = 'filter';
    label.setAttribute('data-kind', kind);
    label.setAttribute('data-count', String(count));
    var box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.addEventListener('change', function () { document.body.classList.toggle('hide-' + kind, !box.checked); });
    label.appendChild(box);
    label.appendChild(document.createTextNode(' ' + kind + ' (' + count + ')'));
    bar.appendChild(label);
  });
  var details = document.getElementById('details');
  var selected = [];
  function select(record) {
    selected.forEach(function (el) { el.classList.remove('selected'); });
    selected = Array.prototype.slice.call(document.querySelectorAll('[data-record="' + record + '"]'));
    selected.forEach(function (el) { el.classList.add('selected'); });
    var line = document.getElementById('r-' + record);
    details.textContent = line ? line.textContent : '#' + record;
    var marker = document.getElementById('m-' + record);
    if (marker && marker.scrollIntoView) marker.scrollIntoView({block: 'nearest', inline: 'center'});
  }
  Array.prototype.slice.call(document.querySelectorAll('[data-record]')).forEach(function (el) {
    el.addEventListener('click', function () { select(el.getAttribute('data-record')); });
  });
  document.body.setAttribute('data-markers', String(markers.length));
  document.body.setAttribute('data-ready', 'true');
})();
)JS";

}  // namespace vssfault::timeline::detail
