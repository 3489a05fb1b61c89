#pragma once
/// Finds the HRESULT names a specification text mentions (the five seed pages, semantics.md), so tests
/// can check that the catalog covers every code the documents speak of.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace vssfault::test {

/// The seed pages, found from the source tree as the tests must: <source>/../shared/spec/seeds.
std::string seeds_dir();
/// The behavioural spec beside the seeds: <source>/../shared/spec/semantics.md.
std::string semantics_path();

/// The `*.txt` files of `dir`, sorted by name; empty when the folder cannot be read.
std::vector<std::string> list_seed_files(const std::string& dir);
/// Whole file as text; nullopt when it cannot be read.
std::optional<std::string> read_text(const std::string& path);

/// Every token of `text` that looks like an HRESULT name: VSS_E_*, VSS_S_*, BG_E_*, BG_S_*, BITS_MC_*, S_OK,
/// S_FALSE, or an all-capitals E_* generic. Markdown escapes (`S\_OK`) are undone first, lower-case
/// HTML anchors (`s_ok`) are ignored, and `HRESULT_FROM_WIN32(ERROR_X)` is reported as the catalog
/// name HRESULT_FROM_WIN32_ERROR_X.
std::set<std::string> hresult_names_in(const std::string& text);

/// The `| NAME | 0xVALUE |` pairs of the markdown tables in `text` (a name cell followed by a hex
/// cell), in order of appearance.
std::vector<std::pair<std::string, std::uint32_t>> table_values_in(const std::string& text);

}  // namespace vssfault::test
