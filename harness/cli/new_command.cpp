// `vssfault new NAME [--writer-fault EVENT:CODE | --provider-fault METHOD:CODE | --bits-fault POINT:CODE]
// [-o FILE [--force]]`: writes a commented, valid scenario to start from (stdout without -o).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "command.h"
#include "vssfault/scenario/template.h"

namespace vssfault::cli {
namespace {

struct NewOptions {
  std::string name;
  std::string writer_fault, provider_fault, bits_fault;
  std::string output;
  bool force = false;
};

int fail(const std::string& message) {
  std::cerr << "vssfault new: " << message << "\n";
  return kExitBadInput;
}

int run(const NewOptions& o) {
  scenario::TemplateRequest request;
  request.name = o.name;
  std::string spec;
  std::string_view option;
  if (!o.writer_fault.empty()) {
    request.fault = scenario::TemplateRequest::Fault::kWriter, spec = o.writer_fault, option = "--writer-fault EVENT:CODE";
  } else if (!o.provider_fault.empty()) {
    request.fault = scenario::TemplateRequest::Fault::kProvider, spec = o.provider_fault,
    option = "--provider-fault METHOD:CODE";
  } else if (!o.bits_fault.empty()) {
    request.fault = scenario::TemplateRequest::Fault::kBits, spec = o.bits_fault, option = "--bits-fault POINT:CODE";
  }
  if (request.fault != scenario::TemplateRequest::Fault::kNone) {
    const auto colon = spec.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size()) {
      return fail("expected " + std::string(option) + ", found '" + spec + "'");
    }
    request.site = spec.substr(0, colon);
    request.code = spec.substr(colon + 1);
  }
  const auto result = scenario::make_template(request);
  if (!result.error.empty()) return fail(result.error);
  if (o.output.empty()) {
    std::cout << result.text;
    return kExitOk;
  }
  std::error_code ec;
  if (!o.force && std::filesystem::exists(o.output, ec)) {
    return fail(o.output + " already exists; pass --force to overwrite it");
  }
  std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
  out << result.text;
  out.close();
  if (!out) return fail("cannot write " + o.output);
  return kExitOk;
}

const Registration kRegistration{
    "new", "Write a commented, valid scenario to start from", [](CLI::App& sub) {
      auto o = std::make_shared<NewOptions>();
      sub.add_option("NAME", o->name, "Scenario name")->required();
      auto* w = sub.add_option("--writer-fault", o->writer_fault, "A writer event failing with a code, e.g. Freeze:VSS_E_WRITERERROR_RETRYABLE");
      auto* p = sub.add_option("--provider-fault", o->provider_fault, "A provider method returning a code, e.g. CommitSnapshots:VSS_E_PROVIDER_VETO");
      auto* b = sub.add_option("--bits-fault", o->bits_fault, "A BITS transfer point failing with a code, e.g. transfer:BG_E_HTTP_ERROR_404");
      w->excludes(p)->excludes(b);
      p->excludes(b);
      sub.add_option("-o,--output", o->output, "Write the scenario to FILE instead of stdout");
      sub.add_flag("--force", o->force, "Overwrite FILE if it exists");
      return [o] { return run(*o); };
    }};

}  // namespace
}  // namespace vssfault::cli
