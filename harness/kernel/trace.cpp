#include "vssfault/kernel/trace.h"

#include <cstdio>

#include "vssfault/kernel/rng.h"

namespace vssfault {
namespace {
bool needs_quotes(std::string_view v) {
  if (v.empty()) return true;
  for (char c : v) {
    if (c == ' ' || c == '=' || c == '"' || c == '\\' || c == '\n' || c == '\t') return true;
  }
  return false;
}

void append_value(std::string& out, std::string_view v) {
  if (!needs_quotes(v)) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') { out += "\\n"; continue; }
    out += c;
  }
  out += '"';
}

void append_time(std::string& out, Instant t) {
  const std::int64_t ms = t.count_ms();
  char buf[48];
  std::snprintf(buf, sizeof buf, "+%010lld.%03llds", static_cast<long long>(ms / 1000),
                static_cast<long long>(ms % 1000));
  out += buf;
}
}  // namespace

std::string_view TraceRecord::field(std::string_view key) const {
  for (const auto& f : fields) {
    if (f.key == key) return f.value;
  }
  return {};
}

std::string TraceRecord::canonical() const {
  std::string out;
  out.reserve(64);
  append_time(out, time);
  out += ' ';
  out += actor;
  out += ' ';
  out += event;
  for (const auto& f : fields) {
    out += ' ';
    out += f.key;
    out += '=';
    append_value(out, f.value);
  }
  return out;
}

void Trace::add(TraceRecord record) {
  hash_ = fnv1a64(record.canonical(), hash_);
  hash_ = fnv1a64("\n", hash_);
  records_.push_back(std::move(record));
}

void Trace::add(Instant time, std::string actor, std::string event,
                std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  TraceRecord r{time, std::move(actor), std::move(event), {}};
  r.fields.reserve(fields.size());
  for (const auto& [k, v] : fields) r.fields.push_back({std::string(k), std::string(v)});
  add(std::move(r));
}

std::string Trace::text() const {
  std::string out;
  for (const auto& r : records_) {
    out += r.canonical();
    out += '\n';
  }
  return out;
}

std::string Trace::hash_hex(std::uint64_t h) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%016llx", static_cast<unsigned long long>(h));
  return buf;
}

long first_difference(const Trace& a, const Trace& b) {
  const auto& ra = a.records();
  const auto& rb = b.records();
  const std::size_t n = ra.size() < rb.size() ? ra.size() : rb.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!(ra[i] == rb[i])) return static_cast<long>(i);
  }
  if (ra.size() != rb.size()) return static_cast<long>(n);
  return -1;
}

}  // namespace vssfault
