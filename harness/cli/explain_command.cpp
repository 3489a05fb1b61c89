// `vssfault explain CODE [--json]`: everything the catalog knows about one code, plus the HRESULT
// decode (severity, facility, code) that works for any 32-bit value.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "command.h"
#include "vssfault/codes/catalog.h"
#include "vssfault/codes/facility.h"

namespace vssfault::cli {
namespace {

struct ExplainOptions {
  std::string code;
  bool json = false;
};

bool looks_like_hex(const std::string& text) {
  return text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
}

std::string join(const std::vector<std::string_view>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i != 0) out += ", ";
    out += parts[i];
  }
  return out;
}

std::string hex4(std::uint32_t v) {
  static const char* digits = "0123456789ABCDEF";
  std::string out = "0x0000";
  for (int i = 0; i < 4; ++i) out[5 - static_cast<std::size_t>(i)] = digits[(v >> (4 * i)) & 0xFu];
  return out;
}

int report_unparsable(const std::string& text) {
  if (looks_like_hex(text)) {
    std::cerr << "vssfault explain: '" << text << "' is not a hex value of at most 8 digits\n";
    return kExitBadInput;
  }
  std::cerr << "vssfault explain: unknown code name '" << text << "'";
  const auto suggestions = suggest_code_names(text);
  if (suggestions.empty()) {
    std::cerr << "; run 'vssfault codes' for the list\n";
  } else {
    std::cerr << "; did you mean: " << join(suggestions) << "?\n";
  }
  return kExitBadInput;
}

void print_json(HResult value, const CodeInfo* c) {
  const std::string_view facility = facility_name(value.facility());
  nlohmann::ordered_json out;
  out["known"] = c != nullptr;
  if (c != nullptr) out["name"] = std::string(c->name);
  out["value"] = value.hex();
  if (c != nullptr) {
    nlohmann::ordered_json roles = nlohmann::ordered_json::array();
    for (auto r : role_names(c->roles)) roles.push_back(std::string(r));
    out["meaning"] = std::string(c->meaning);
    out["guidance"] = std::string(c->guidance);
    out["retry"] = std::string(retry_name(c->retry));
    out["roles"] = std::move(roles);
  }
  out["severity"] = value.failed() ? "failure" : "success";
  out["facility"] = value.facility();
  out["facility_name"] = facility.empty() ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(std::string(facility));
  out["code"] = value.code();
  std::cout << out.dump(2) << "\n";
}

void print_text(HResult value, const CodeInfo* c) {
  const std::string_view facility = facility_name(value.facility());
  if (c != nullptr) {
    std::cout << "name:      " << c->name << "\n"
              << "value:     " << value.hex() << "\n"
              << "meaning:   " << c->meaning << "\n"
              << "guidance:  " << (c->guidance.empty() ? "(none documented)" : c->guidance) << "\n"
              << "retry:     " << retry_name(c->retry) << "\n"
              << "roles:     " << (c->roles == kRoleNone ? "(none)" : join(role_names(c->roles))) << "\n";
  } else {
    std::cout << "name:      (not a known code)\n"
              << "value:     " << value.hex() << "\n";
  }
  std::cout << "severity:  " << (value.failed() ? "failure (1)" : "success (0)") << "\n"
            << "facility:  " << value.facility();
  if (!facility.empty()) std::cout << " (" << facility << ")";
  std::cout << "\n"
            << "code:      " << hex4(value.code()) << " (" << value.code() << ")\n";
}

int run_explain(const ExplainOptions& opts) {
  const auto value = parse_code(opts.code);
  if (!value) return report_unparsable(opts.code);
  const CodeInfo* c = find_code(*value);
  if (opts.json) {
    print_json(*value, c);
  } else {
    print_text(*value, c);
  }
  return kExitOk;
}

const Registration kExplain{
    "explain", "Explain one HRESULT: catalog entry (by name or 0x value) and its decode",
    [](CLI::App& sub) {
      auto opts = std::make_shared<ExplainOptions>();
      sub.add_option("CODE", opts->code, "A code name (any case) or a value with 0x prefix")->required();
      sub.add_flag("--json", opts->json, "Print one JSON object instead of text");
      return [opts] { return run_explain(*opts); };
    }};

}  // namespace
}  // namespace vssfault::cli
