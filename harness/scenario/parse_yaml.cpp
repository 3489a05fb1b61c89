#include "parse_yaml.h"

#include <yaml-cpp/eventhandler.h>

#include <sstream>
#include <vector>

namespace vssfault::scenario::detail {
namespace {

/// Remembers where a document's first node starts and whether the document is a lone null.
class Probe : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> first;
  int nodes = 0;
  bool null_only = true;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { node(m, true); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { node(m, false); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override {
    node(m, false);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    node(m, false);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    node(m, false);
  }
  void OnMapEnd() override {}

 private:
  void node(const YAML::Mark& m, bool is_null) {
    if (!first) first = m;
    ++nodes;
    null_only = null_only && is_null;
  }
};

bool same_empty_document(const Probe& a, const Probe& b) {
  return a.nodes == 1 && b.nodes == 1 && a.null_only && b.null_only && a.first && b.first &&
         a.first->pos == b.first->pos;
}

}  // namespace

ParsedYaml parse_yaml(std::string_view text) {
  ParsedYaml out;
  const std::string owned(text);
  {
    std::istringstream in(owned);
    YAML::Parser parser(in);
    std::vector<Probe> docs;
    for (int i = 0; i < 3; ++i) {
      Probe p;
      if (!parser.HandleNextDocument(p)) break;
      docs.push_back(p);
      if (i > 0 && same_empty_document(docs[i - 1], docs[i])) {
        out.stuck = docs[i].first;
        return out;
      }
    }
    if (docs.size() > 1) {
      out.second = docs[1].first;
      return out;
    }
  }
  out.root = YAML::Load(owned);
  return out;
}

}  // namespace vssfault::scenario::detail
