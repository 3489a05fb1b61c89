// `vssfault codes [--json] [--role ROLE]`: the documented-code catalog as a table or as JSON.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "command.h"
#include "vssfault/codes/catalog.h"

namespace vssfault::cli {
namespace {

struct CodesOptions {
  bool json = false;
  std::string role;
};

std::string join(const std::vector<std::string_view>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i != 0) out += sep;
    out += parts[i];
  }
  return out;
}

nlohmann::ordered_json to_json(const CodeInfo& c) {
  nlohmann::ordered_json roles = nlohmann::ordered_json::array();
  for (auto r : role_names(c.roles)) roles.push_back(std::string(r));
  return {{"name", std::string(c.name)},         {"value", c.value.hex()},
          {"meaning", std::string(c.meaning)},   {"guidance", std::string(c.guidance)},
          {"retry", std::string(retry_name(c.retry))}, {"roles", std::move(roles)}};
}

void print_table(const std::vector<const CodeInfo*>& rows) {
  std::size_t name_w = 4, retry_w = 5;
  for (const CodeInfo* c : rows) {
    name_w = std::max(name_w, c->name.size());
    retry_w = std::max(retry_w, retry_name(c->retry).size());
  }
  std::cout << std::left << std::setw(static_cast<int>(name_w)) << "NAME" << "  " << std::setw(10) << "VALUE"
            << "  " << std::setw(static_cast<int>(retry_w)) << "RETRY" << "  ROLES\n";
  for (const CodeInfo* c : rows) {
    std::cout << std::setw(static_cast<int>(name_w)) << c->name << "  " << std::setw(10) << c->value.hex()
              << "  " << std::setw(static_cast<int>(retry_w)) << retry_name(c->retry) << "  "
              << (c->roles == kRoleNone ? std::string("-") : join(role_names(c->roles), ",")) << "\n";
  }
}

int run_codes(const CodesOptions& opts) {
  std::uint32_t filter = kRoleNone;
  if (!opts.role.empty()) {
    const auto bit = role_from_name(opts.role);
    if (!bit) {
      std::cerr << "vssfault codes: unknown role '" << opts.role
                << "'; valid roles: " << join(all_role_names(), ", ") << "\n";
      return kExitBadInput;
    }
    filter = *bit;
  }
  std::vector<const CodeInfo*> rows;
  for (const CodeInfo& c : all_codes()) {
    if (filter == kRoleNone || (c.roles & filter) != 0) rows.push_back(&c);
  }
  if (opts.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const CodeInfo* c : rows) out.push_back(to_json(*c));
    std::cout << out.dump(2) << "\n";
  } else {
    print_table(rows);
  }
  return kExitOk;
}

const Registration kCodes{
    "codes", "List the documented HRESULT catalog (name, value, roles, retry guidance)",
    [](CLI::App& sub) {
      auto opts = std::make_shared<CodesOptions>();
      sub.add_flag("--json", opts->json,
                   "Print a JSON array of {name, value, meaning, guidance, retry, roles}");
      sub.add_option("--role", opts->role,
                     "Only codes with this role: " + join(all_role_names(), ", "));
      return [opts] { return run_codes(*opts); };
    }};

}  // namespace
}  // namespace vssfault::cli
