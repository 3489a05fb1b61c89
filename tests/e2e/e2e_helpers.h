#pragma once
// Running `vssfault run` and reading what it printed.
#include <string>
#include <vector>

#include "support/cli_runner.h"

namespace vssfault::e2e {

inline std::string source(const std::string& rel) { return std::string(VSSFAULT_SOURCE_DIR) + "/" + rel; }

/// The files of the first corpus, which must pass.
inline std::vector<std::string> first_corpus() {
  std::vector<std::string> out;
  for (const char* f : {"scenarios/bits_client_cancels_after_error.yaml", "scenarios/bits_no_progress_timeout.yaml",
                        "scenarios/clean_backup.yaml", "scenarios/provider_unexpected_code.yaml",
                        "scenarios/writer_freeze_retryable.yaml"}) {
    out.push_back(source(f));
  }
  return out;
}

/// `vssfault run ARGS...` with the source directory removed from the output (golden text after
/// normalising paths).
inline test::CliResult run(std::vector<std::string> args) {
  args.insert(args.begin(), "run");
  test::CliResult r = test::run_cli(args);
  const std::string prefix = std::string(VSSFAULT_SOURCE_DIR) + "/";
  for (std::string* s : {&r.out, &r.err}) {
    for (std::size_t at; (at = s->find(prefix)) != std::string::npos;) s->erase(at, prefix.size());
  }
  return r;
}

inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) {
    out.push_back(text.substr(start, nl - start));
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

/// The scenario names (second column) of the PASS/FAIL/ERROR/INVALID lines, in order.
inline std::vector<std::string> verdicts(const std::string& out) {
  std::vector<std::string> v;
  for (const auto& l : lines(out)) {
    for (const char* word : {"PASS  ", "FAIL  ", "ERROR  ", "INVALID  "}) {
      const std::string w(word);
      if (l.rfind(w, 0) == 0) {
        const std::string rest = l.substr(w.size());
        v.push_back(w.substr(0, w.size() - 2) + " " + rest.substr(0, rest.find("  ")));
      }
    }
  }
  return v;
}

}  // namespace vssfault::e2e
