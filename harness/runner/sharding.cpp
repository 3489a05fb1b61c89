#include "vssfault/runner/sharding.h"

#include <cstdlib>

namespace vssfault::runner {
namespace {

bool parse_size(const char* text, std::size_t& out) {
  if (text == nullptr || *text == '\0') return false;
  std::size_t v = 0;
  for (const char* p = text; *p; ++p) {
    if (*p < '0' || *p > '9') return false;
    const std::size_t digit = static_cast<std::size_t>(*p - '0');
    if (v > (SIZE_MAX - digit) / 10) return false;
    v = v * 10 + digit;
  }
  out = v;
  return true;
}

const char* default_getenv(const char* name) { return std::getenv(name); }

}  // namespace

ShardFromEnv shard_from_env(const char* (*getenv_fn)(const char*)) {
  if (getenv_fn == nullptr) getenv_fn = default_getenv;
  ShardFromEnv out;
  if (const char* f = getenv_fn("TEST_SHARD_STATUS_FILE")) out.status_file = f;
  const char* total_name = "GTEST_TOTAL_SHARDS";
  const char* index_name = "GTEST_SHARD_INDEX";
  const char* total = getenv_fn(total_name);
  const char* index = getenv_fn(index_name);
  if (total == nullptr && index == nullptr) {
    total_name = "TEST_TOTAL_SHARDS";
    index_name = "TEST_SHARD_INDEX";
    total = getenv_fn(total_name);
    index = getenv_fn(index_name);
  }
  if (total == nullptr && index == nullptr) return out;
  Shard s;
  if (!parse_size(total, s.total) || s.total == 0) {
    out.error = std::string(total_name) + " must be a positive whole number, found '" + (total ? total : "") + "'";
    return out;
  }
  if (!parse_size(index, s.index) || s.index >= s.total) {
    out.error = std::string(index_name) + " must be a whole number below " + total_name + " (" +
                std::to_string(s.total) + "), found '" + (index ? index : "") + "'";
    return out;
  }
  out.shard = s;
  return out;
}

ShardFromEnv parse_shard(const std::string& text) {
  ShardFromEnv out;
  const std::size_t slash = text.find('/');
  Shard s;
  const std::string index = text.substr(0, slash);
  const std::string total = slash == std::string::npos ? std::string() : text.substr(slash + 1);
  if (slash == std::string::npos || !parse_size(index.c_str(), s.index) || !parse_size(total.c_str(), s.total) ||
      s.total == 0) {
    out.error = "--shard expects INDEX/TOTAL, two whole numbers with TOTAL >= 1 (e.g. 0/4), found '" + text + "'";
    return out;
  }
  if (s.index >= s.total) {
    out.error = "--shard " + text + ": INDEX counts from 0 and must be below TOTAL (" + std::to_string(s.total) +
                "); the last shard of " + std::to_string(s.total) + " is " + std::to_string(s.total - 1) + "/" +
                std::to_string(s.total);
    return out;
  }
  out.shard = s;
  return out;
}

}  // namespace vssfault::runner
