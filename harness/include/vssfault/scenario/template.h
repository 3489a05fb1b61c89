#pragma once
/// The starting point `vssfault new` writes: a commented, valid scenario, optionally with one fault.
#include <string>

namespace vssfault::scenario {

struct TemplateRequest {
  enum class Fault { kNone, kWriter, kProvider, kBits };
  std::string name;
  Fault fault = Fault::kNone;
  std::string site;  ///< writer event, provider method or transfer point, as in the scenario format
  std::string code;  ///< a catalog name or a 0x value
};

struct TemplateResult {
  std::string text;   ///< the scenario, when error is empty
  std::string error;  ///< why no scenario could be made (unknown code, a code the role forbids...)
};

/// Builds the scenario text. The code is checked against the catalog and the role of the site
/// (SetWriterFailure/SetWriterFailureEx [S3] [S2], the provider table [S4] -- a code outside it is
/// written with `unexpected: true` --, BITS error objects [EGE]). The result always loads without error.
TemplateResult make_template(const TemplateRequest& request);

}  // namespace vssfault::scenario
