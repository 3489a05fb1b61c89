#include "vssfault/kernel/trace.h"

#include <array>
#include <cstdio>

namespace vssfault {
namespace {
// The canonical text is written through a sink: StringSink builds it (canonical(), text()), HashSink
// folds it into the FNV-1a 64 hash without building it (add()). One writer for both, so the hash is the
// hash of the text by construction.
struct StringSink {
  std::string& out;
  void put(char c) { out += c; }
  void put(std::string_view v) { out += v; }
};

struct HashSink {
  std::uint64_t h;
  void put(char c) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  void put(std::string_view v) {
    for (char c : v) put(c);
  }
};

// The characters that make a value quoted: ' ', '=', '"', '\\', '\n', '\t' (a table: one load per byte).
constexpr std::array<bool, 256> kQuoteChars = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '=', '"', '\\', '\n', '\t'}) t[c] = true;
  return t;
}();

bool needs_quotes(std::string_view v) {
  if (v.empty()) return true;
  for (char c : v) {
    if (kQuoteChars[static_cast<unsigned char>(c)]) return true;
  }
  return false;
}

template <class Sink>
void put_value(Sink& out, std::string_view v) {
  if (!needs_quotes(v)) {
    out.put(v);
    return;
  }
  out.put('"');
  for (char c : v) {
    if (c == '"' || c == '\\') out.put('\\');
    if (c == '\n') { out.put("\\n"); continue; }
    out.put(c);
  }
  out.put('"');
}

// "+%010lld.%03llds" of (ms / 1000, ms % 1000), formatted by hand: snprintf was a fifth of a run's cost.
template <class Sink>
void put_time(Sink& out, Instant t) {
  const std::int64_t ms = t.count_ms();
  char buf[48];
  if (ms < 0) {  // never produced by the virtual clock; kept exactly as printf prints it
    const int n = std::snprintf(buf, sizeof buf, "+%010lld.%03llds", static_cast<long long>(ms / 1000),
                                static_cast<long long>(ms % 1000));
    out.put(std::string_view(buf, static_cast<std::size_t>(n)));
    return;
  }
  std::uint64_t seconds = static_cast<std::uint64_t>(ms / 1000);
  const auto millis = static_cast<unsigned>(ms % 1000);
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + seconds % 10);
    seconds /= 10;
  } while (seconds != 0);
  char* p = buf;
  *p++ = '+';
  for (int i = n; i < 10; ++i) *p++ = '0';
  while (n > 0) *p++ = digits[--n];
  *p++ = '.';
  *p++ = static_cast<char>('0' + millis / 100);
  *p++ = static_cast<char>('0' + millis / 10 % 10);
  *p++ = static_cast<char>('0' + millis % 10);
  *p++ = 's';
  out.put(std::string_view(buf, static_cast<std::size_t>(p - buf)));
}

template <class Sink>
void put_record(Sink& out, const TraceRecord& r) {
  put_time(out, r.time);
  out.put(' ');
  out.put(r.actor);
  out.put(' ');
  out.put(r.event);
  for (const auto& f : r.fields) {
    out.put(' ');
    out.put(f.key);
    out.put('=');
    put_value(out, f.value);
  }
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
  StringSink sink{out};
  put_record(sink, *this);
  return out;
}

void Trace::add(TraceRecord record) {
  HashSink sink{hash_};
  put_record(sink, record);
  sink.put('\n');
  hash_ = sink.h;
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
  StringSink sink{out};
  for (const auto& r : records_) {
    put_record(sink, r);
    sink.put('\n');
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
