// The HTML page: header, legend, lane labels and the plot as inline SVG, the marker table and the shown
// trace records, then the inline script. Every number is an integer, every text escaped.
#include <string>

#include "html_assets.h"
#include "layout.h"
#include "vssfault/timeline/timeline.h"

namespace vssfault::timeline {
namespace {

using detail::kAxisHeight;
using detail::kLabelWidth;
using detail::kLaneHeight;
using detail::lane_y;

std::string num(long v) { return std::to_string(v); }
std::string esc(std::string_view s) { return html_escape(s); }

std::string_view lane_kind_caption(LaneKind k) {
  switch (k) {
    case LaneKind::kRequester: return "requester";
    case LaneKind::kVss: return "VSS service";
    case LaneKind::kWriter: return "writer";
    case LaneKind::kProvider: return "provider";
    case LaneKind::kBitsJob: return "BITS job";
    case LaneKind::kBits: return "BITS";
    case LaneKind::kOther: break;
  }
  return "other";
}

/// The shape of a marker centred on (cx, cy), as its kind's CSS expects.
std::string marker_shape(EventKind kind, int cx, int cy) {
  const std::string x = num(cx), y = num(cy);
  switch (kind) {
    case EventKind::kFault:  // a lightning bolt
      return "<path d=\"M" + num(cx + 2) + " " + num(cy - 8) + " L" + num(cx - 5) + " " + num(cy + 1) + " L" +
             num(cx) + " " + num(cy + 1) + " L" + num(cx - 2) + " " + num(cy + 8) + " L" + num(cx + 5) + " " +
             num(cy - 1) + " L" + num(cx) + " " + num(cy - 1) + " Z\"/>";
    case EventKind::kFailure:
      return "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"6\"/><path d=\"M" + num(cx - 3) + " " + num(cy - 3) +
             " L" + num(cx + 3) + " " + num(cy + 3) + " M" + num(cx + 3) + " " + num(cy - 3) + " L" + num(cx - 3) +
             " " + num(cy + 3) + "\" stroke=\"#fff\" stroke-width=\"2\"/>";
    case EventKind::kEventLog:
      return "<rect x=\"" + num(cx - 5) + "\" y=\"" + num(cy - 5) + "\" width=\"10\" height=\"10\"/>";
    case EventKind::kViolation:
      return "<path d=\"M" + x + " " + num(cy - 7) + " L" + num(cx + 7) + " " + num(cy + 6) + " L" + num(cx - 7) +
             " " + num(cy + 6) + " Z\"/>";
    default: break;
  }
  return {};
}

class Page {
 public:
  Page(const Timeline& t, const RenderOptions& o)
      : t_(t), shown_(visible_events(t, o.max_events)), layout_(detail::lay_out(t, shown_)) {}

  std::string render() {
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<title>vssfault timeline: " + esc(t_.info.title) + "</title>\n<style>" + std::string(detail::kStyle) +
            "</style>\n</head>\n<body>\n";
    header();
    out_ += "<div class=\"chart\" id=\"chart\">\n";
    labels();
    out_ += "<div class=\"scroll\">\n";
    plot();
    out_ += "</div>\n</div>\n<div id=\"details\" class=\"mono\">click a marker, a dot or a row for its trace record</div>\n";
    marker_table();
    trace_listing();
    out_ += "<script>" + std::string(detail::kScript) + "</script>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  const Timeline& t_;
  std::vector<std::size_t> shown_;
  detail::Layout layout_;
  std::string out_;

  void header() {
    const RunInfo& i = t_.info;
    out_ += "<h1>" + esc(i.title) + "</h1>\n<p class=\"info\"><span>file <code>" + esc(i.file) +
            "</code></span><span>outcome <b class=\"outcome-" + esc(i.outcome) + "\">" + esc(i.outcome) +
            "</b></span><span>seed " + std::to_string(i.seed) + "</span><span>trace " +
            Trace::hash_hex(t_.trace_hash) + "</span><span>" + std::to_string(t_.records) +
            " records</span><span>virtual time +" + esc(t_.end.to_string()) + "</span></p>\n";
    if (!i.reproduce.empty()) out_ += "<p class=\"info\">rerun: <code>" + esc(i.reproduce) + "</code></p>\n";
    if (shown_.size() < t_.events.size()) {
      out_ += "<p class=\"note\" id=\"omitted\">" + std::to_string(shown_.size()) + " of " +
              std::to_string(t_.events.size()) +
              " records shown: the others are plain events, left out to keep the page small (every marker "
              "and every window boundary is kept up to the limit; <code>vssfault run --trace</code> prints "
              "them all).</p>\n";
    }
    out_ += "<div class=\"legend\">";
    for (EventKind k : {EventKind::kFault, EventKind::kFailure, EventKind::kEventLog, EventKind::kViolation}) {
      out_ += "<span><svg width=\"18\" height=\"18\"><g class=\"marker " + std::string(event_kind_name(k)) + "\">" +
              marker_shape(k, 9, 9) + "</g></svg> " + std::string(event_kind_name(k)) + "</span>";
    }
    out_ += "<span><svg width=\"26\" height=\"14\"><rect class=\"window freeze\" x=\"1\" y=\"1\" width=\"24\" "
            "height=\"12\"/></svg> freeze window</span><span><svg width=\"26\" height=\"14\"><rect class=\"window "
            "hold\" x=\"1\" y=\"1\" width=\"24\" height=\"12\"/></svg> hold window (writes held)</span>";
    out_ += "<span class=\"note\">one column per record; virtual time printed where it changes</span></div>\n";
    out_ += "<div id=\"filters\"></div>\n";
  }

  void labels() {
    out_ += "<svg class=\"labels\" width=\"" + num(kLabelWidth) + "\" height=\"" + num(layout_.height) +
            "\" xmlns=\"http://www.w3.org/2000/svg\">\n<text x=\"8\" y=\"24\" class=\"lane-kind\">virtual time</text>\n";
    for (std::size_t i = 0; i < t_.lanes.size(); ++i) {
      const Lane& l = t_.lanes[i];
      const int y = lane_y(i);
      out_ += "<g class=\"lane-label\" data-actor=\"" + esc(l.actor) + "\"><text class=\"lane-name\" x=\"8\" y=\"" +
              num(y + 20) + "\">" + esc(l.name) + "</text><text class=\"lane-kind\" x=\"8\" y=\"" + num(y + 34) +
              "\">" + esc(lane_kind_caption(l.kind)) + "</text></g>\n";
    }
    out_ += "</svg>\n";
  }

  void plot() {
    const int w = layout_.width;
    out_ += "<svg class=\"plot\" width=\"" + num(w) + "\" height=\"" + num(layout_.height) +
            "\" xmlns=\"http://www.w3.org/2000/svg\">\n";
    for (std::size_t i = 0; i < t_.lanes.size(); ++i) {
      out_ += "<rect class=\"lane-bg " + std::string(i % 2 ? "odd" : "even") + "\" data-actor=\"" +
              esc(t_.lanes[i].actor) + "\" x=\"0\" y=\"" + num(lane_y(i)) + "\" width=\"" + num(w) + "\" height=\"" +
              num(kLaneHeight) + "\"/>\n";
    }
    ticks();
    windows();
    for (const auto& c : layout_.columns) event(c);
    out_ += "</svg>\n";
  }

  void ticks() {
    const int bottom = layout_.height - 8;
    for (const auto& c : layout_.columns) {
      if (!c.time_changed) continue;
      out_ += "<line class=\"tick\" x1=\"" + num(c.x) + "\" y1=\"" + num(kAxisHeight - 8) + "\" x2=\"" + num(c.x) +
              "\" y2=\"" + num(bottom) + "\"/>";
      if (c.time_label) {
        out_ += "<text class=\"tick-label\" x=\"" + num(c.x + 2) + "\" y=\"24\">+" +
                esc(t_.events[c.event].time.to_string()) + "</text>";
      }
      out_ += "\n";
    }
  }

  void windows() {
    for (const auto& iv : t_.intervals) {
      const int x1 = layout_.x_from(iv.first, t_);
      const int x2 = layout_.x_to(iv.last, t_);
      if (x1 < 0 || x2 < x1) continue;
      const std::string kind(interval_kind_name(iv.kind));
      const int y = lane_y(iv.lane);
      const std::string title = "<title>" + esc(t_.lanes[iv.lane].name + ": " + iv.label + " #" +
                                                std::to_string(iv.first) + " +" + iv.begin.to_string() + " .. #" +
                                                std::to_string(iv.last) + " +" + iv.end.to_string() + ", " +
                                                (iv.open ? "still open at the end" : "closed by " + iv.closed_by)) +
                                "</title>";
      const std::string attrs = " data-kind=\"" + kind + "\" data-lane=\"" + esc(t_.lanes[iv.lane].actor) +
                                "\" data-first=\"" + std::to_string(iv.first) + "\" data-last=\"" +
                                std::to_string(iv.last) + "\"";
      const std::string width = num(std::max(x2 - x1, 2));
      switch (iv.kind) {
        case IntervalKind::kHold:  // writes are held on every volume: shade the whole height
          out_ += "<g class=\"window-group\"><rect class=\"window hold\"" + attrs + " x=\"" + num(x1) + "\" y=\"" +
                  num(kAxisHeight - 6) + "\" width=\"" + width + "\" height=\"" +
                  num(layout_.height - kAxisHeight - 2) + "\">" + title + "</rect><text class=\"window-label hold\" x=\"" +
                  num(x1 + 3) + "\" y=\"" + num(kAxisHeight - 9) + "\">hold</text></g>\n";
          break;
        case IntervalKind::kFreeze:
          out_ += "<g class=\"window-group\"><rect class=\"window freeze\"" + attrs + " x=\"" + num(x1) + "\" y=\"" +
                  num(y + 3) + "\" width=\"" + width + "\" height=\"" + num(kLaneHeight - 6) + "\">" + title +
                  "</rect><text class=\"window-label freeze\" x=\"" + num(x1 + 3) + "\" y=\"" + num(y + 13) +
                  "\">freeze</text></g>\n";
          break;
        case IntervalKind::kCall:
          out_ += "<rect class=\"call\"" + attrs + " x=\"" + num(x1) + "\" y=\"" + num(y + kLaneHeight - 9) +
                  "\" width=\"" + width + "\" height=\"3\">" + title + "</rect>\n";
          break;
        case IntervalKind::kState:
          out_ += "<rect class=\"state " + esc(iv.label) + "\"" + attrs + " x=\"" + num(x1) + "\" y=\"" +
                  num(y + kLaneHeight - 11) + "\" width=\"" + width + "\" height=\"6\">" + title + "</rect>\n";
          break;
      }
    }
  }

  void event(const detail::Column& c) {
    const Event& e = t_.events[c.event];
    const std::string rec = std::to_string(e.record);
    const int cy = lane_y(e.lane) + kLaneHeight / 2;
    const std::string title = "<title>#" + rec + " " + esc(e.text) + "</title>";
    if (e.from != e.to) {
      const int x = c.x + (is_marker(e.kind) ? 8 : c.width / 2);
      out_ += "<line class=\"msg\" x1=\"" + num(x) + "\" y1=\"" + num(lane_y(e.from) + kLaneHeight / 2) + "\" x2=\"" +
              num(x) + "\" y2=\"" + num(lane_y(e.to) + kLaneHeight / 2) + "\"/>";
    }
    if (!is_marker(e.kind)) {
      out_ += "<circle class=\"ev " + std::string(event_kind_name(e.kind)) + "\" id=\"e-" + rec + "\" data-record=\"" +
              rec + "\" cx=\"" +
              num(c.x + c.width / 2) + "\" cy=\"" + num(cy) + "\" r=\"3\">" + title + "</circle>\n";
      return;
    }
    const std::string kind(event_kind_name(e.kind));
    out_ += "<g class=\"marker " + kind + "\" id=\"m-" + rec + "\" data-kind=\"" + kind + "\" data-code=\"" +
            esc(e.code) + "\" data-record=\"" + rec + "\" data-lane=\"" + esc(t_.lanes[e.lane].actor) + "\">" +
            title + marker_shape(e.kind, c.x + 8, cy);
    if (c.labelled)
      out_ += "<text x=\"" + num(c.x + 16) + "\" y=\"" + num(cy + 4) + "\">" + esc(detail::marker_text(e)) + "</text>";
    out_ += "</g>\n";
  }

  void marker_table() {
    out_ += "<h2>Markers</h2>\n<table id=\"markers\"><thead><tr><th>#</th><th>time</th><th>lane</th><th>kind</th>"
            "<th>code</th><th>what</th></tr></thead><tbody>\n";
    std::size_t n = 0;
    for (std::size_t index : shown_) {
      const Event& e = t_.events[index];
      if (!is_marker(e.kind)) continue;
      ++n;
      const std::string kind(event_kind_name(e.kind));
      out_ += "<tr class=\"" + kind + "\" data-record=\"" + std::to_string(e.record) + "\"><td>" +
              std::to_string(e.record) + "</td><td>+" + esc(e.time.to_string()) + "</td><td>" +
              esc(t_.lanes[e.lane].name) + "</td><td>" + kind + "</td><td class=\"code\">" + esc(e.code) +
              "</td><td>" + esc(e.label) + "</td></tr>\n";
    }
    out_ += "</tbody></table>\n";
    if (n == 0) out_ += "<p class=\"note\">No fault, failure, event-log entry or violation in this run.</p>\n";
  }

  void trace_listing() {
    out_ += "<details><summary>Trace records shown (" + std::to_string(shown_.size()) +
            ")</summary>\n<pre class=\"trace\">";
    for (std::size_t index : shown_) {
      const Event& e = t_.events[index];
      out_ += "<span id=\"r-" + std::to_string(e.record) + "\" data-record=\"" + std::to_string(e.record) + "\">#" +
              std::to_string(e.record) + " " + esc(e.text) + "</span>\n";
    }
    out_ += "</pre></details>\n";
  }
};

}  // namespace

std::string render_html(const Timeline& t, const RenderOptions& options) { return Page(t, options).render(); }

}  // namespace vssfault::timeline
