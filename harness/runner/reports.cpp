#include "vssfault/runner/reports.h"

#include <nlohmann/json.hpp>

namespace vssfault::runner {
namespace {

std::string failure_text(const ScenarioResult& r) {
  std::string text;
  for (const auto& m : r.mismatches) {
    text += (m.origin.empty() ? r.file : m.origin) + ": " + m.what + ": expected " + m.expected +
            ", actual " + m.actual + "\n";
  }
  for (const auto& msg : r.messages) text += msg + "\n";
  if (!r.reproduce.empty()) text += "reproduce: " + r.reproduce + "\n";
  return text;
}

std::string first_line(const ScenarioResult& r) {
  if (!r.mismatches.empty()) {
    const auto& m = r.mismatches.front();
    return m.what + ": expected " + m.expected + ", actual " + m.actual;
  }
  if (!r.messages.empty()) return r.messages.front();
  return std::string(outcome_name(r.outcome));
}

// CDATA cannot contain "]]>": split it across two sections.
std::string cdata(std::string_view text) {
  std::string out = "<![CDATA[";
  std::size_t start = 0;
  for (std::size_t pos; (pos = text.find("]]>", start)) != std::string_view::npos; start = pos + 2) {
    out += text.substr(start, pos + 2 - start);
    out += "]]><![CDATA[";
  }
  out += text.substr(start);
  out += "]]>";
  return out;
}

}  // namespace

std::string_view outcome_name(Outcome o) {
  switch (o) {
    case Outcome::kPassed: return "passed";
    case Outcome::kFailed: return "failed";
    case Outcome::kInvalid: return "invalid";
    case Outcome::kError: return "error";
  }
  return "error";
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#x0A;"; break;
      case '\t': out += "&#x09;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) break;  // not allowed in XML 1.0
        out += c;
    }
  }
  return out;
}

std::string junit_xml(const std::vector<ScenarioResult>& results) {
  std::size_t failures = 0, errors = 0;
  for (const auto& r : results) {
    if (r.outcome == Outcome::kFailed) ++failures;
    if (r.outcome == Outcome::kInvalid || r.outcome == Outcome::kError) ++errors;
  }
  const std::string counts = "tests=\"" + std::to_string(results.size()) + "\" failures=\"" +
                             std::to_string(failures) + "\" disabled=\"0\" errors=\"" + std::to_string(errors) +
                             "\" time=\"0\"";
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites " + counts + " name=\"AllTests\">\n";
  out += "  <testsuite name=\"vssfault\" " + counts + " skipped=\"0\">\n";
  for (const auto& r : results) {
    out += "    <testcase name=\"" + xml_escape(r.name.empty() ? r.file : r.name) + "\" file=\"" +
           xml_escape(r.file) + "\" line=\"1\" status=\"run\" result=\"completed\" time=\"0\" classname=\"" +
           xml_escape(r.file) + "\">\n";
    out += "      <properties>\n";
    out += "        <property name=\"seed\" value=\"" + std::to_string(r.seed) + "\"/>\n";
    out += "        <property name=\"virtual_time\" value=\"" + xml_escape(r.virtual_time.to_string()) + "\"/>\n";
    out += "        <property name=\"trace_hash\" value=\"" + Trace::hash_hex(r.trace_hash) + "\"/>\n";
    out += "      </properties>\n";
    if (r.outcome != Outcome::kPassed) {
      const char* tag = r.outcome == Outcome::kFailed ? "failure" : "error";
      out += std::string("      <") + tag + " message=\"" + xml_escape(first_line(r)) + "\" type=\"" +
             std::string(outcome_name(r.outcome)) + "\">" + cdata(failure_text(r)) + "</" + tag + ">\n";
    }
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

std::string json_report(const std::vector<ScenarioResult>& results) {
  nlohmann::ordered_json doc;
  auto scenarios = nlohmann::ordered_json::array();
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const auto& r : results) {
    ++counts[static_cast<int>(r.outcome)];
    nlohmann::ordered_json s;
    s["file"] = r.file;
    s["name"] = r.name;
    s["outcome"] = std::string(outcome_name(r.outcome));
    s["seed"] = r.seed;
    s["virtual_time"] = r.virtual_time.to_string();
    s["virtual_time_ms"] = r.virtual_time.count_ms();
    s["trace_hash"] = Trace::hash_hex(r.trace_hash);
    auto mismatches = nlohmann::ordered_json::array();
    for (const auto& m : r.mismatches) {
      mismatches.push_back({{"what", m.what}, {"expected", m.expected}, {"actual", m.actual},
                            {"origin", m.origin}, {"trace_index", m.trace_index}});
    }
    s["mismatches"] = std::move(mismatches);
    s["messages"] = r.messages;
    s["reproduce"] = r.reproduce;
    scenarios.push_back(std::move(s));
  }
  doc["scenarios"] = std::move(scenarios);
  doc["passed"] = counts[0];
  doc["failed"] = counts[1];
  doc["invalid"] = counts[2];
  doc["errors"] = counts[3];
  // Invalid UTF-8 in a message must not throw: replace it.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace vssfault::runner
